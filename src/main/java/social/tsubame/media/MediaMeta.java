package social.tsubame.media;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The sizes of an attachment's files, as kept in {@code media_attachments.meta}. Remote attachments know at most the
 * original's size, from their server's word.
 *
 * @param original the full-size file, or null when unknown
 * @param small    the thumbnail, or null when there is none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaMeta(Dimensions original, Dimensions small) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dimensions(int width, int height) {
    }

    static MediaMeta fromJson(String json) {
        return JsonMapper.shared().readValue(json, MediaMeta.class);
    }

    String toJson() {
        return JsonMapper.shared().writeValueAsString(this);
    }
}
