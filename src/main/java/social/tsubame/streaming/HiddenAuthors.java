package social.tsubame.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import social.tsubame.boot.Roles;

/**
 * Whom a signed-in viewer does not want on public streams: accounts they block or mute, accounts that block them,
 * and domains they block. Asked for every status on a busy stream, so each viewer's answer is kept for a few
 * seconds: a block takes effect on open sockets that much later.
 */
@Component
@Profile(Roles.STREAMING)
class HiddenAuthors {

    private static final Duration KEPT_FOR = Duration.ofSeconds(10);

    private record Hidden(Set<Long> accounts, Set<String> domains, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Long, Hidden> byViewer = new ConcurrentHashMap<>();

    HiddenAuthors(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean hides(long viewerId, StatusAuthors authors) {
        Hidden hidden = byViewer.compute(viewerId, (viewer, kept) ->
                kept != null && kept.until().isAfter(clock.instant()) ? kept : load(viewer));
        return authors.accountIds().stream().anyMatch(hidden.accounts()::contains)
                || authors.domains().stream().anyMatch(hidden.domains()::contains);
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetExpired() {
        Instant now = clock.instant();
        byViewer.values().removeIf(hidden -> !hidden.until().isAfter(now));
    }

    private Hidden load(long viewerId) {
        Set<Long> accounts = new HashSet<>(jdbc.queryForList("""
                SELECT target_account_id FROM blocks WHERE account_id = ?
                UNION SELECT account_id FROM blocks WHERE target_account_id = ?
                UNION SELECT target_account_id FROM mutes WHERE account_id = ?
                                                          AND (expires_at IS NULL OR expires_at > now())
                """, Long.class, viewerId, viewerId, viewerId));
        Set<String> domains = new HashSet<>(jdbc.queryForList(
                "SELECT domain FROM account_domain_blocks WHERE account_id = ?", String.class, viewerId));
        return new Hidden(accounts, domains, clock.instant().plus(KEPT_FOR));
    }
}
