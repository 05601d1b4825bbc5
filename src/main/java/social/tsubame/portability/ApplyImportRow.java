package social.tsubame.portability;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.BlockDomainForAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.FollowState;
import social.tsubame.account.MuteAccount;
import social.tsubame.core.ApiException;
import social.tsubame.portability.BulkImports.PendingRow;
import social.tsubame.status.BookmarkStatus;
import social.tsubame.status.Status;
import social.tsubame.status.StatusLookup;
import social.tsubame.status.StatusVisibility;
import social.tsubame.timeline.AddListMembers;
import social.tsubame.timeline.CreateList;
import social.tsubame.timeline.Lists;
import social.tsubame.timeline.TimelineList;

/**
 * Does one row of an import through the use case a user's own click would go through (a follow of a remote account
 * is a follow request, sent as a {@code Follow}), and records it as imported or failed in the same transaction.
 * Accounts and posts are looked up first, outside it, as that may ask other servers.
 */
@Component
class ApplyImportRow {

    /** Why a row could not be imported, in words for the user. */
    private static final class RowFailed extends RuntimeException {
        RowFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final BulkImports imports;
    private final AccountAddresses addresses;
    private final StatusLookup statusLookup;
    private final StatusVisibility visibility;
    private final FollowAccount follow;
    private final BlockAccount block;
    private final MuteAccount mute;
    private final BlockDomainForAccount blockDomain;
    private final BookmarkStatus bookmark;
    private final Lists lists;
    private final CreateList createList;
    private final AddListMembers addListMembers;
    private final ArchivedPosts archivedPosts;
    private final TransactionTemplate transactions;

    ApplyImportRow(BulkImports imports, AccountAddresses addresses, StatusLookup statusLookup,
                   StatusVisibility visibility, FollowAccount follow, BlockAccount block, MuteAccount mute,
                   BlockDomainForAccount blockDomain, BookmarkStatus bookmark, Lists lists, CreateList createList,
                   AddListMembers addListMembers, ArchivedPosts archivedPosts, TransactionTemplate transactions) {
        this.imports = imports;
        this.addresses = addresses;
        this.statusLookup = statusLookup;
        this.visibility = visibility;
        this.follow = follow;
        this.block = block;
        this.mute = mute;
        this.blockDomain = blockDomain;
        this.bookmark = bookmark;
        this.lists = lists;
        this.createList = createList;
        this.addListMembers = addListMembers;
        this.archivedPosts = archivedPosts;
        this.transactions = transactions;
    }

    void apply(BulkImport bulkImport, PendingRow pending) {
        String error;
        try {
            Supplier<String> change = change(bulkImport.accountId(), bulkImport.type(), pending.row());
            transactions.executeWithoutResult(status ->
                    imports.settle(bulkImport.id(), pending.id(), change.get()));
            return;
        } catch (RowFailed | ApiException refused) {
            error = refused.getMessage();
        } catch (DataIntegrityViolationException conflict) {
            error = "it conflicts with something stored already";
        }
        String failure = error;
        transactions.executeWithoutResult(status -> imports.settle(bulkImport.id(), pending.id(), failure));
    }

    /** Looks up what the row names and gives the change to make, which answers null or why it fell short. */
    private Supplier<String> change(long me, ImportType type, ImportRow row) {
        return switch (type) {
            case FOLLOWING -> {
                long target = account(row.account());
                yield () -> {
                    follow.follow(me, target, orTrue(row.showReblogs()), Boolean.TRUE.equals(row.notifyOnPosts()));
                    return null;
                };
            }
            case BLOCKING -> {
                long target = account(row.account());
                yield () -> {
                    block.block(me, target);
                    return null;
                };
            }
            case MUTING -> {
                long target = account(row.account());
                yield () -> {
                    mute.mute(me, target, orTrue(row.hideNotifications()), null);
                    return null;
                };
            }
            case DOMAIN_BLOCKING -> () -> {
                blockDomain.block(me, row.domain());
                return null;
            };
            case BOOKMARKS -> {
                long status = status(me, row.uri());
                yield () -> {
                    bookmark.bookmark(me, status);
                    return null;
                };
            }
            case LISTS -> {
                long target = account(row.account());
                yield () -> addToList(me, row.listName(), target, row.account());
            }
            case ARCHIVE -> () -> {
                archivedPosts.importPost(me, row.post());
                return null;
            };
        };
    }

    /** As on Mastodon, a list member is followed first; one that must approve the follow joins once it has. */
    private String addToList(long me, String title, long target, String address) {
        TimelineList list = lists.findOwnedBy(me).stream().filter(owned -> owned.title().equals(title.strip()))
                .findFirst().orElseGet(() -> createList.create(me, title, null, false));
        if (follow.follow(me, target, true, false) != FollowState.FOLLOWING) {
            return "the follow of " + address + " awaits approval, so it is not in the list \"" + title + "\" yet";
        }
        addListMembers.add(me, list.id(), List.of(target));
        return null;
    }

    private long account(String address) {
        Account account = addresses.resolve(address)
                .orElseThrow(() -> new RowFailed("no account " + address + " was found"));
        if (account.suspended()) {
            throw new RowFailed(address + " is suspended");
        }
        return account.id();
    }

    private long status(long me, String uri) {
        Optional<Status> status = statusLookup.lookUp(uri);
        if (status.isEmpty() || !visibility.canSee(Optional.of(me), status.get().id())) {
            throw new RowFailed("no post " + uri + " was found");
        }
        return status.get().id();
    }

    private static boolean orTrue(Boolean value) {
        return value == null || value;
    }
}
