package social.tsubame.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's MediaAttachment entity. Its fields are sent even when null, as Mastodon sends them.
 *
 * @param url          the full-size file
 * @param previewUrl   the thumbnail
 * @param remoteUrl    where the file lives on the server of a remote post; null for local uploads
 * @param textUrl      a short link to the file, which Mastodon has deprecated; always null here
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiMediaAttachment(String id, String type, String url, String previewUrl, String remoteUrl,
                                 String previewRemoteUrl, String textUrl, Meta meta, String description,
                                 String blurhash) {

    /** What is known of the files: each part only when known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(Size original, Size small, Focus focus) {
    }

    /** @param size {@code "WxH"} */
    public record Size(int width, int height, String size, double aspect) {

        public static Size of(int width, int height) {
            return new Size(width, height, width + "x" + height, height == 0 ? 0 : (double) width / height);
        }
    }

    public record Focus(float x, float y) {
    }
}
