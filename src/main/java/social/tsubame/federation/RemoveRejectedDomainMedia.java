package social.tsubame.federation;

import org.springframework.stereotype.Component;

import social.tsubame.core.ClusterLock;
import social.tsubame.media.RemoteMediaCache;
import social.tsubame.queue.EventListener;

/**
 * Once a server's media is rejected, the copies kept of its accounts' attachments, avatars and headers are removed
 * from storage, as Mastodon purges them; the posts keep their remote URLs.
 */
@Component
class RemoveRejectedDomainMedia implements EventListener<DomainMediaRejected> {

    private final RemoteMediaCache cache;

    RemoveRejectedDomainMedia(RemoteMediaCache cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return "federation.remove-rejected-media";
    }

    @Override
    public Class<DomainMediaRejected> eventType() {
        return DomainMediaRejected.class;
    }

    @Override
    public void on(DomainMediaRejected event) {
        try (ClusterLock.Held held = cache.lock()) {
            cache.removeOfAccounts(DomainBlocks.ACCOUNTS_OF_DOMAIN, DomainBlocks.patterns(event.domain()));
        }
    }
}
