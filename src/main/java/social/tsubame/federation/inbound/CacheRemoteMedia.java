package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaAttachments;
import social.tsubame.media.RemoteMediaCache;
import social.tsubame.media.RemoteMediaCacheProperties;
import social.tsubame.queue.EventListener;
import social.tsubame.queue.QueueName;
import social.tsubame.status.StatusEvents.StatusCreated;

/**
 * Keeps copies of the attachments of a remote post that reached us, on the pull queue: clients then load them from
 * here rather than from the author's server. Attachments copied already (a job run twice) are skipped.
 */
@Component
class CacheRemoteMedia implements EventListener<StatusCreated> {

    private final MediaAttachments attachments;
    private final RemoteMediaFiles files;
    private final RemoteMediaCache cache;
    private final boolean enabled;

    CacheRemoteMedia(MediaAttachments attachments, RemoteMediaFiles files, RemoteMediaCache cache,
                     RemoteMediaCacheProperties properties) {
        this.attachments = attachments;
        this.files = files;
        this.cache = cache;
        this.enabled = properties.enabled();
    }

    @Override
    public String name() {
        return "federation.cache-remote-media";
    }

    @Override
    public Class<StatusCreated> eventType() {
        return StatusCreated.class;
    }

    @Override
    public QueueName queue() {
        return QueueName.PULL;
    }

    @Override
    public boolean wants(StatusCreated event) {
        return enabled && !event.local() && event.mayHaveMedia();
    }

    @Override
    public void on(StatusCreated event) throws IOException {
        for (MediaAttachment media : attachments.ofStatus(event.statusId())) {
            if (media.remoteUrl() == null || media.fileKey() != null) {
                continue;
            }
            Optional<RemoteMediaFiles.Fetched> fetched = files.fetch(media.remoteUrl());
            if (fetched.isPresent()) {
                cache.keepAttachment(media.id(), fetched.get().body(), fetched.get().mediaType());
            }
        }
    }
}
