package social.tsubame.federation.web;

import java.util.List;
import java.util.function.LongFunction;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.activitystreams.Note;
import social.tsubame.activitystreams.OrderedCollection;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.Uris;
import social.tsubame.federation.mapping.LocalStatusToNote;
import social.tsubame.status.Statuses;

/**
 * The collections of a local actor: followers, following, outbox (public and unlisted posts) and featured. Each is a
 * count with a first page; pages go back in time with {@code max_id}, which needs no offset scan.
 */
@RestController
@Profile(Roles.FEDERATION)
class CollectionsController {

    private static final int PAGE_SIZE = 40;

    private final Accounts accounts;
    private final Statuses statuses;
    private final LocalStatusToNote toNote;
    private final JdbcTemplate jdbc;
    private final Uris uris;

    CollectionsController(Accounts accounts, Statuses statuses, LocalStatusToNote toNote, JdbcTemplate jdbc,
                          Uris uris) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.toNote = toNote;
        this.jdbc = jdbc;
        this.uris = uris;
    }

    private record Row(long cursor, Object item) {
    }

    private Account owner(String username) {
        return accounts.findLocal(username).filter(account -> !account.suspended())
                .orElseThrow(ApiException::notFound);
    }

    @ActivityPubGet("/users/{username}/followers")
    OrderedCollection followers(@PathVariable String username, @RequestParam(required = false) Boolean page,
                                @RequestParam(name = "max_id", required = false) Long maxId) {
        Account owner = owner(username);
        return respond(uris.followers(username), owner.followersCount(), page, maxId,
                bound -> followPage("target_account_id", "account_id", owner.id(), bound));
    }

    @ActivityPubGet("/users/{username}/following")
    OrderedCollection following(@PathVariable String username, @RequestParam(required = false) Boolean page,
                                @RequestParam(name = "max_id", required = false) Long maxId) {
        Account owner = owner(username);
        return respond(uris.following(username), owner.followingCount(), page, maxId,
                bound -> followPage("account_id", "target_account_id", owner.id(), bound));
    }

    @ActivityPubGet("/users/{username}/outbox")
    OrderedCollection outbox(@PathVariable String username, @RequestParam(required = false) Boolean page,
                             @RequestParam(name = "max_id", required = false) Long maxId) {
        Account owner = owner(username);
        long total = jdbc.queryForObject("SELECT count(*) FROM statuses WHERE account_id = ? AND deleted_at IS NULL "
                + "AND reblog_of_id IS NULL AND visibility IN ('public', 'unlisted')", Long.class, owner.id());
        return respond(uris.outbox(username), total, page, maxId, bound -> jdbc.queryForList("""
                SELECT id FROM statuses WHERE account_id = ? AND id < ? AND deleted_at IS NULL
                  AND reblog_of_id IS NULL AND visibility IN ('public', 'unlisted')
                ORDER BY id DESC LIMIT ?
                """, Long.class, owner.id(), bound, PAGE_SIZE).stream()
                .map(id -> new Row(id, create(owner, id)))
                .toList());
    }

    @ActivityPubGet("/users/{username}/collections/featured")
    OrderedCollection featured(@PathVariable String username) {
        Account owner = owner(username);
        List<Object> pinned = jdbc.queryForList("""
                SELECT s.id FROM status_pins p JOIN statuses s ON s.id = p.status_id
                WHERE p.account_id = ? AND s.deleted_at IS NULL AND s.visibility IN ('public', 'unlisted')
                ORDER BY p.id DESC
                """, Long.class, owner.id()).stream()
                .<Object>map(id -> toNote.convert(statuses.findById(id).orElseThrow(), owner).embedded())
                .toList();
        return new OrderedCollection(JsonLdContext.ACTIVITY_STREAMS, uris.featured(username), "OrderedCollection",
                (long) pinned.size(), null, null, null, pinned);
    }

    private Activity create(Account owner, long statusId) {
        Note note = toNote.convert(statuses.findById(statusId).orElseThrow(), owner);
        return new Activity(null, note.id() + "/activity", "Create", note.attributedTo(), note.embedded(), note.to(),
                note.cc(), note.published());
    }

    /**
     * One page of the accounts at the {@code otherSide} of the owner's follows, newest first.
     *
     * @param ownerSide {@code follows} column holding the owner, a constant of this class
     */
    private List<Row> followPage(String ownerSide, String otherSide, long ownerId, long bound) {
        return jdbc.query("SELECT f.id, a.domain, a.uri, a.username FROM follows f JOIN accounts a ON a.id = f."
                        + otherSide + " WHERE f." + ownerSide + " = ? AND f.id < ? ORDER BY f.id DESC LIMIT ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2) == null ? uris.localActor(rs.getString(4))
                        : rs.getString(3)),
                ownerId, bound, PAGE_SIZE);
    }

    private OrderedCollection respond(String id, long total, Boolean page, Long maxId,
                                      LongFunction<List<Row>> rowsBefore) {
        if (page == null || !page) {
            return OrderedCollection.collection(id, total, id + "?page=true");
        }
        List<Row> rows = rowsBefore.apply(maxId == null ? Long.MAX_VALUE : maxId);
        String next = rows.size() < PAGE_SIZE ? null : id + "?page=true&max_id=" + rows.getLast().cursor();
        String self = maxId == null ? id + "?page=true" : id + "?page=true&max_id=" + maxId;
        return OrderedCollection.page(self, id, next, rows.stream().map(Row::item).toList());
    }
}
