package social.tsubame.media;

/**
 * An uploaded image made fit to store: re-encoded without its metadata, no larger than the pixel limit, with a
 * thumbnail in the same format.
 *
 * @param contentType {@code image/jpeg} or {@code image/png}, of both files
 * @param extension   the file name extension of that type
 */
record ProcessedImage(String contentType, String extension, Encoded original, Encoded small, String blurhash) {

    /** One encoded file and the size of its picture. */
    record Encoded(byte[] bytes, int width, int height) {

        MediaMeta.Dimensions dimensions() {
            return new MediaMeta.Dimensions(width, height);
        }
    }

    MediaMeta meta() {
        return new MediaMeta(original.dimensions(), small.dimensions());
    }
}
