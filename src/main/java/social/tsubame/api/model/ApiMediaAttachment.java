package social.tsubame.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mastodon's MediaAttachment entity. Its fields are sent even when null, as Mastodon sends them.
 *
 * @param url          the full-size file
 * @param previewUrl   the thumbnail
 * @param remoteUrl    where the file lives on the server of a remote post; null for local uploads
 * @param textUrl      a short link to the file, which Mastodon has deprecated; always null here
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiMediaAttachment(
        String id,
        String type,
        String url,
        @JsonProperty("preview_url") String previewUrl,
        @JsonProperty("remote_url") String remoteUrl,
        @JsonProperty("preview_remote_url") String previewRemoteUrl,
        @JsonProperty("text_url") String textUrl,
        Meta meta,
        String description,
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
