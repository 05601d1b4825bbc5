package social.tsubame.api.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import social.tsubame.media.FocalPoint;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaAttachments;
import social.tsubame.media.MediaMeta;
import social.tsubame.media.MediaStorage;

/** Shows attachments to client apps. A remote attachment whose file was not fetched here points at its server. */
@Component
public class MediaAttachmentToApiMediaAttachment {

    private final MediaStorage storage;
    private final MediaAttachments attachments;

    public MediaAttachmentToApiMediaAttachment(MediaStorage storage, MediaAttachments attachments) {
        this.storage = storage;
        this.attachments = attachments;
    }

    /**
     * The {@code media_attachments} of many statuses, read in one query: by status id, each list in the order its
     * author gave. A status without attachments has no entry.
     */
    public Map<Long, List<ApiMediaAttachment>> ofStatuses(Collection<Long> statusIds) {
        Map<Long, List<ApiMediaAttachment>> byStatus = new LinkedHashMap<>();
        attachments.ofStatuses(statusIds).forEach((statusId, media) ->
                byStatus.put(statusId, media.stream().map(this::convert).toList()));
        return byStatus;
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
