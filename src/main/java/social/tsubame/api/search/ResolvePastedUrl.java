package social.tsubame.api.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.Uris;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.federation.inbound.RemoteStatuses;
import social.tsubame.status.Status;
import social.tsubame.status.StatusVisibility;
import tools.jackson.core.JacksonException;

/**
 * The post or account a pasted link points to: a local one, a known remote one, or one fetched from its own server.
 * A post is tried first, as links to posts are what people paste most; a post the caller may not see is not found.
 */
@Component
class ResolvePastedUrl {

    /** What the link turned out to be; at most one of the two is present. */
    record Found(Optional<Long> accountId, Optional<Long> statusId) {

        static final Found NOTHING = new Found(Optional.empty(), Optional.empty());
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Accounts accounts;
    private final RemoteStatuses remoteStatuses;
    private final RemoteActors remoteActors;
    private final StatusVisibility visibility;
    private final Uris uris;

    ResolvePastedUrl(NamedParameterJdbcTemplate jdbc, Accounts accounts, RemoteStatuses remoteStatuses,
                     RemoteActors remoteActors, StatusVisibility visibility, Uris uris) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.remoteStatuses = remoteStatuses;
        this.remoteActors = remoteActors;
        this.visibility = visibility;
        this.uris = uris;
    }

    /** @param wantAccounts, wantStatuses which kinds the caller searches for */
    Found resolve(String url, boolean wantAccounts, boolean wantStatuses, long viewer) {
        try {
            Optional<Long> status = wantStatuses ? statusAt(url) : Optional.empty();
            if (status.isPresent()) {
                return visibility.canSee(Optional.of(viewer), status.get())
                        ? new Found(Optional.empty(), status) : Found.NOTHING;
            }
            return new Found(wantAccounts ? accountAt(url) : Optional.empty(), Optional.empty());
        } catch (IOException | JacksonException e) {
            // a server that cannot be reached now, or answers nonsense, has nothing to show
            return Found.NOTHING;
        }
    }

    private Optional<Long> statusAt(String url) throws IOException {
        if (!uris.isLocal(url)) {
            return remoteStatuses.resolve(url).map(Status::id);
        }
        // a local post is known by its id, or by its web page, which ends in the id
        List<Long> found = jdbc.queryForList("SELECT id FROM statuses WHERE uri = :url OR (id = :id AND url = :url)",
                Map.of("url", url, "id", trailingNumber(url)), Long.class);
        return found.stream().findFirst();
    }

    private Optional<Long> accountAt(String url) throws IOException {
        if (uris.isLocal(url)) {
            return localUsername(url).flatMap(accounts::findLocal).map(Account::id);
        }
        Optional<Account> known = accounts.findByUri(url).or(() -> jdbc.queryForList(
                "SELECT id FROM accounts WHERE url = :url AND domain IS NOT NULL", Map.of("url", url), Long.class)
                .stream().findFirst().flatMap(accounts::findById));
        if (known.isPresent()) {
            return known.map(Account::id);
        }
        try {
            return Optional.of(remoteActors.resolve(url).id());
        } catch (RemoteActors.ActorNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The username of a local actor id ({@code …/users/alice}) or profile page ({@code …/@alice}). */
    private Optional<String> localUsername(String url) {
        Optional<String> actor = uris.localUsername(url);
        if (actor.isPresent()) {
            return actor;
        }
        String profilePrefix = uris.profile("");
        String username = url.startsWith(profilePrefix) ? url.substring(profilePrefix.length()) : "";
        return !username.isEmpty() && uris.profile(username).equals(url) && !username.contains("/")
                ? Optional.of(username) : Optional.empty();
    }

    private static long trailingNumber(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.matches("\\d{1,18}") ? Long.parseLong(last) : -1;
    }
}
