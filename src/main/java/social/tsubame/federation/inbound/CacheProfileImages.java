package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.media.RemoteMediaCache;
import social.tsubame.media.RemoteMediaCacheProperties;
import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;
import social.tsubame.queue.Jobs;
import social.tsubame.queue.QueueName;

/**
 * Keeps copies of a remote account's avatar and header, on the pull queue, whenever its profile is stored and names a
 * picture that has no copy here (the account is new, changed its picture, or its copy was removed).
 */
@Component
class CacheProfileImages implements JobHandler<CacheProfileImages.CacheImagesOf> {

    record CacheImagesOf(long accountId) {
    }

    static final JobType<CacheImagesOf> TYPE = JobType.of("federation.cache-profile-images", QueueName.PULL,
            CacheImagesOf.class);

    private final Accounts accounts;
    private final RemoteMediaFiles files;
    private final RemoteMediaCache cache;
    private final Jobs jobs;
    private final boolean enabled;

    CacheProfileImages(Accounts accounts, RemoteMediaFiles files, RemoteMediaCache cache, Jobs jobs,
                       RemoteMediaCacheProperties properties) {
        this.accounts = accounts;
        this.files = files;
        this.cache = cache;
        this.jobs = jobs;
        this.enabled = properties.enabled();
    }

    @Override
    public JobType<CacheImagesOf> type() {
        return TYPE;
    }

    /** Asks for copies of the account's pictures that have none yet. */
    void cacheMissingOf(Account account) {
        if (enabled && !account.isLocal() && (missing(account.avatarRemoteUrl(), account.avatarFile())
                || missing(account.headerRemoteUrl(), account.headerFile()))) {
            jobs.enqueue(TYPE, new CacheImagesOf(account.id()));
        }
    }

    @Override
    public void handle(CacheImagesOf payload, Job job) throws Exception {
        Optional<Account> found = accounts.findById(payload.accountId());
        if (found.isEmpty() || found.get().suspended()) {
            return;
        }
        Account account = found.get();
        if (missing(account.avatarRemoteUrl(), account.avatarFile())) {
            keep(account, RemoteMediaCache.Kind.AVATAR, account.avatarRemoteUrl());
        }
        if (missing(account.headerRemoteUrl(), account.headerFile())) {
            keep(account, RemoteMediaCache.Kind.HEADER, account.headerRemoteUrl());
        }
    }

    private void keep(Account account, RemoteMediaCache.Kind kind, String url) throws Exception {
        Optional<RemoteMediaFiles.Fetched> fetched = files.fetch(url);
        if (fetched.isPresent()) {
            cache.keepProfileImage(account.id(), kind, url, fetched.get().body(), fetched.get().mediaType());
        }
    }

    private static boolean missing(String remoteUrl, String file) {
        return remoteUrl != null && !remoteUrl.isBlank() && file == null;
    }
}
