package social.tsubame.activitystreams;

import java.util.List;

/**
 * A file attached to a post, as Mastodon sends one: {@code blurhash} and {@code focalPoint} are its extensions, which
 * the fediverse reads.
 *
 * @param name       the description, for those who cannot see the file
 * @param focalPoint {@code [x, y]}, each from -1 to 1, or null
 */
public record Document(
        String type,
        String mediaType,
        String url,
        String name,
        String blurhash,
        List<Float> focalPoint,
        Integer width,
        Integer height) {
}
