package social.tsubame.api.model;

import org.springframework.stereotype.Component;

import social.tsubame.media.FocalPoint;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaMeta;
import social.tsubame.media.MediaStorage;

/**
 * Shows an attachment to client apps. A remote attachment whose file was not fetched here points at its server.
 * For the attachments of many statuses at once, read them with {@code MediaAttachments.ofStatuses}.
 */
@Component
public class MediaAttachmentToApiMediaAttachment {

    private final MediaStorage storage;

    public MediaAttachmentToApiMediaAttachment(MediaStorage storage) {
        this.storage = storage;
    }

    public ApiMediaAttachment convert(MediaAttachment media) {
        String url = media.fileKey() == null ? media.remoteUrl() : storage.url(media.fileKey());
        String previewUrl = media.thumbnailKey() == null ? url : storage.url(media.thumbnailKey());
        MediaMeta meta = media.meta();
        FocalPoint focus = media.focus();
        return new ApiMediaAttachment(
                Long.toString(media.id()),
                media.type(),
                url,
                previewUrl,
                media.remoteUrl(),
                null,
                null,
                new ApiMediaAttachment.Meta(size(meta.original()), size(meta.small()),
                        focus == null ? null : new ApiMediaAttachment.Focus(focus.x(), focus.y())),
                media.description(),
                media.blurhash());
    }

    private static ApiMediaAttachment.Size size(MediaMeta.Dimensions dimensions) {
        return dimensions == null ? null : ApiMediaAttachment.Size.of(dimensions.width(), dimensions.height());
    }
}
