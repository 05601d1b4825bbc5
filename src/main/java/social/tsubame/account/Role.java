package social.tsubame.account;

import java.util.Arrays;

/** What a local user may do on this server, from most to least powerful. */
public enum Role {
    OWNER, ADMIN, MODERATOR, USER;

    /** Whether this role stands strictly above the other, as moderating someone needs. */
    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }

    public String dbValue() {
        return name().toLowerCase();
    }

    public static Role of(String value) {
        return Arrays.stream(values())
                .filter(role -> role.dbValue().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown role '" + value + "'; one of owner, admin, moderator, user"));
    }
}
