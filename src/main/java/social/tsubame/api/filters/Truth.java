package social.tsubame.api.filters;

/** A Rails-style boolean from a form or JSON: "1", "true", "on" are true. */
final class Truth {

    private Truth() {
    }

    static boolean of(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
    }
}
