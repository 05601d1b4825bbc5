package social.tsubame.media;

import social.tsubame.core.ApiException;

/**
 * The point of an image that crops should keep in view, from -1 (left, bottom) to 1 (right, top) on each axis; the
 * centre is 0,0. Mastodon's convention, which clients and other servers follow.
 */
public record FocalPoint(float x, float y) {

    public FocalPoint {
        if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) {
            throw ApiException.unprocessable("Validation failed: Focus must be two numbers from -1 to 1");
        }
    }

    /** A focus as clients send it, {@code "x,y"}; null when the text is null or blank. */
    public static FocalPoint parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw ApiException.unprocessable("Validation failed: Focus must be given as x,y");
        }
        try {
            return new FocalPoint(Float.parseFloat(parts[0].trim()), Float.parseFloat(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable("Validation failed: Focus must be given as x,y");
        }
    }
}
