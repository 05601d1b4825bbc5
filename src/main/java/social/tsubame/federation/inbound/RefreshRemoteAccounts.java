package social.tsubame.federation.inbound;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.Progress;

/**
 * The operator's refresh of remote profiles: each actor document fetched again and stored by {@link RemoteActors}, as
 * when an account is first met, a few at a time (each server's own limit on fetches still holds).
 */
@Component
public class RefreshRemoteAccounts {

    private static final Log log = LogFactory.getLog(RefreshRemoteAccounts.class);
    private static final int AT_ONCE = 8;

    /**
     * Which accounts: one ({@code username} and {@code domain}), every one of a server ({@code domain}), or every
     * remote account (neither). Suspended accounts are left alone.
     */
    public record Scope(String username, String domain) {

        public static final Scope ALL = new Scope(null, null);

        public static Scope domain(String domain) {
            return new Scope(null, domain);
        }
    }

    /**
     * @param refreshed fetched and stored
     * @param gone      answered 404 or 410, blocked, or no longer a valid actor: kept as they were
     * @param failed    could not be fetched now (the server is down or erred)
     */
    public record Refreshed(int refreshed, int gone, int failed) {
    }

    private final RemoteActors remoteActors;
    private final JdbcTemplate jdbc;

    RefreshRemoteAccounts(RemoteActors remoteActors, JdbcTemplate jdbc) {
        this.remoteActors = remoteActors;
        this.jdbc = jdbc;
    }

    /** The actor ids of the accounts in scope; empty when none is known. */
    public List<String> actorsIn(Scope scope) {
        String domain = scope.domain() == null ? null : scope.domain().toLowerCase(Locale.ROOT);
        return jdbc.queryForList("""
                SELECT uri FROM accounts
                WHERE domain IS NOT NULL AND suspended_at IS NULL
                  AND (?::text IS NULL OR domain = ?) AND (?::text IS NULL OR lower(username) = lower(?))
                ORDER BY id""", String.class, domain, domain, scope.username(), scope.username());
    }

    public Refreshed refresh(List<String> actorUris, Progress progress) throws InterruptedException {
        progress.total(actorUris.size());
        AtomicInteger refreshed = new AtomicInteger();
        AtomicInteger gone = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(AT_ONCE);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String uri : actorUris) {
                slots.acquire();
                threads.submit(() -> {
                    try {
                        remoteActors.fetch(uri);
                        refreshed.incrementAndGet();
                    } catch (RemoteActors.ActorNotFoundException e) {
                        gone.incrementAndGet();
                        log.info("Not refreshed: " + e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        log.info("Could not refresh " + uri + ": " + e.getMessage());
                    } finally {
                        slots.release();
                        progress.advance(1);
                    }
                });
            }
        }
        return new Refreshed(refreshed.get(), gone.get(), failed.get());
    }
}
