package social.tsubame.media;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;

/**
 * The uploader changes the description or focal point of an upload before attaching it. As on Mastodon, an
 * attachment that a status has taken is no longer changed here, and someone else's does not exist.
 */
@Service
public class UpdateMedia {

    /**
     * @param description the new description, empty to remove it; null leaves it as it is
     * @param focus       the new focal point as {@code "x,y"}, empty to remove it; null leaves it as it is
     */
    public record Command(long accountId, long mediaId, String description, String focus) {
    }

    private final MediaAttachments attachments;
    private final Clock clock;

    UpdateMedia(MediaAttachments attachments, Clock clock) {
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * @throws ApiException 404 when the account has no such unattached upload, 422 for a bad description or focus
     */
    @Transactional
    public MediaAttachment update(Command command) {
        MediaAttachment media = attachments.findUnattached(command.accountId(), command.mediaId())
                .orElseThrow(ApiException::notFound);
        if (command.description() != null) {
            media.describe(command.description(), clock.instant());
        }
        if (command.focus() != null) {
            media.focusOn(FocalPoint.parse(command.focus()), clock.instant());
        }
        return media;
    }
}
