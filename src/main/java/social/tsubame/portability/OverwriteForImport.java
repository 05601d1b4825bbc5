package social.tsubame.portability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.BlockAccount;
import social.tsubame.account.BlockDomainForAccount;
import social.tsubame.account.MuteAccount;
import social.tsubame.account.UnfollowAccount;
import social.tsubame.status.BookmarkStatus;
import social.tsubame.timeline.DeleteList;
import social.tsubame.timeline.RemoveListMembers;

/**
 * Before an import in overwrite mode adds what its file lists, it takes away what the account has of that kind and
 * the file does not list, through the same use cases as the user's own unfollows, unblocks and so on.
 */
@Component
class OverwriteForImport {

    private final JdbcTemplate jdbc;
    private final AccountAddresses addresses;
    private final UnfollowAccount unfollow;
    private final BlockAccount block;
    private final MuteAccount mute;
    private final BlockDomainForAccount blockDomain;
    private final BookmarkStatus bookmark;
    private final DeleteList deleteList;
    private final RemoveListMembers removeListMembers;

    OverwriteForImport(JdbcTemplate jdbc, AccountAddresses addresses, UnfollowAccount unfollow, BlockAccount block,
                       MuteAccount mute, BlockDomainForAccount blockDomain, BookmarkStatus bookmark,
                       DeleteList deleteList, RemoveListMembers removeListMembers) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.unfollow = unfollow;
        this.block = block;
        this.mute = mute;
        this.blockDomain = blockDomain;
        this.bookmark = bookmark;
        this.deleteList = deleteList;
        this.removeListMembers = removeListMembers;
    }

    @Transactional
    void removeUnlisted(long me, ImportType type, List<ImportRow> rows) {
        switch (type) {
            case FOLLOWING -> unlistedAccounts(me, rows, """
                    SELECT target_account_id FROM follows WHERE account_id = ?
                    UNION SELECT target_account_id FROM follow_requests WHERE account_id = ?""", 2)
                    .forEach(target -> unfollow.unfollow(me, target));
            case BLOCKING -> unlistedAccounts(me, rows, "SELECT target_account_id FROM blocks WHERE account_id = ?", 1)
                    .forEach(target -> block.unblock(me, target));
            case MUTING -> unlistedAccounts(me, rows, "SELECT target_account_id FROM mutes WHERE account_id = ?", 1)
                    .forEach(target -> mute.unmute(me, target));
            case DOMAIN_BLOCKING -> {
                Set<String> listed = rows.stream().map(ImportRow::domain).collect(Collectors.toSet());
                jdbc.queryForList("SELECT domain FROM account_domain_blocks WHERE account_id = ?", String.class, me)
                        .stream().filter(domain -> !listed.contains(domain))
                        .forEach(domain -> blockDomain.unblock(me, domain));
            }
            case BOOKMARKS -> {
                String[] listed = rows.stream().map(ImportRow::uri).toArray(String[]::new);
                jdbc.queryForList("""
                        SELECT s.id FROM bookmarks b JOIN statuses s ON s.id = b.status_id
                        WHERE b.account_id = ? AND s.uri <> ALL (?) AND coalesce(s.url, '') <> ALL (?)""",
                        Long.class, me, listed, listed).forEach(status -> bookmark.unbookmark(me, status));
            }
            case LISTS -> removeUnlistedMembers(me, rows);
            case ARCHIVE -> throw new IllegalStateException("archives are only ever added");
        }
    }

    /** Lists the file does not name go; of the ones it names, members it does not list leave. */
    private void removeUnlistedMembers(long me, List<ImportRow> rows) {
        Map<String, Set<String>> membersByTitle = rows.stream().collect(Collectors.groupingBy(
                row -> row.listName().strip(), Collectors.mapping(row -> addresses.normalized(row.account()),
                        Collectors.toSet())));
        record OwnedList(long id, String title) {
        }
        List<OwnedList> owned = jdbc.query("SELECT id, title FROM lists WHERE account_id = ?",
                (row, index) -> new OwnedList(row.getLong(1), row.getString(2)), me);
        for (OwnedList list : owned) {
            Set<String> listed = membersByTitle.get(list.title());
            if (listed == null) {
                deleteList.delete(me, list.id());
                continue;
            }
            List<Long> unlisted = jdbc.queryForList("SELECT a.id FROM list_accounts la"
                    + " JOIN accounts a ON a.id = la.account_id WHERE la.list_id = ?"
                    + " AND lower(" + AccountAddresses.sql("a") + ") <> ALL (?)", Long.class, list.id(),
                    addresses.localDomain(), listed.toArray(String[]::new));
            if (!unlisted.isEmpty()) {
                removeListMembers.remove(me, list.id(), unlisted);
            }
        }
    }

    /** Of the accounts {@code targets} finds (each of its parameters the importer's id), those the file omits. */
    private List<Long> unlistedAccounts(long me, List<ImportRow> rows, String targets, int parameters) {
        List<Object> args = new ArrayList<>(Collections.nCopies(parameters, me));
        args.add(addresses.localDomain());
        args.add(rows.stream().map(row -> addresses.normalized(row.account())).toArray(String[]::new));
        return jdbc.queryForList("SELECT a.id FROM accounts a WHERE a.id IN (" + targets + ")"
                + " AND lower(" + AccountAddresses.sql("a") + ") <> ALL (?)", Long.class, args.toArray());
    }
}
