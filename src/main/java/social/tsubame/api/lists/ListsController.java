package social.tsubame.api.lists;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.filter.FilterContext;
import social.tsubame.status.StatusVisibility;
import social.tsubame.timeline.AddListMembers;
import social.tsubame.timeline.CreateList;
import social.tsubame.timeline.DeleteList;
import social.tsubame.timeline.ListMembers;
import social.tsubame.timeline.ListTimeline;
import social.tsubame.timeline.Lists;
import social.tsubame.timeline.RemoveListMembers;
import social.tsubame.timeline.RepliesPolicy;
import social.tsubame.timeline.TimelineList;
import social.tsubame.timeline.UpdateList;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** Lists, their members and their timelines; a list that is not the caller's is answered 404. */
@RestController
@Profile(Roles.WEB)
class ListsController {

    private static final int MAX_STATUSES = 40;
    private static final int MAX_ACCOUNTS = 80;

    record ListParams(String title, String repliesPolicy, Boolean exclusive) {
        RepliesPolicy policy() {
            return repliesPolicy == null ? null : RepliesPolicy.of(repliesPolicy);
        }
    }

    record MemberIds(List<Long> accountIds) {
        List<Long> ids() {
            return accountIds == null ? List.of() : accountIds.stream().filter(Objects::nonNull).distinct().toList();
        }
    }

    private final Lists lists;
    private final CreateList createList;
    private final UpdateList updateList;
    private final DeleteList deleteList;
    private final AddListMembers addMembers;
    private final RemoveListMembers removeMembers;
    private final ListMembers members;
    private final ListTimeline timeline;
    private final StatusVisibility visibility;
    private final AccountsToApiAccounts toApiAccounts;
    private final StatusesToApiStatuses toApiStatuses;

    ListsController(Lists lists, CreateList createList, UpdateList updateList, DeleteList deleteList,
                    AddListMembers addMembers, RemoveListMembers removeMembers, ListMembers members,
                    ListTimeline timeline, StatusVisibility visibility, AccountsToApiAccounts toApiAccounts,
                    StatusesToApiStatuses toApiStatuses) {
        this.lists = lists;
        this.createList = createList;
        this.updateList = updateList;
        this.deleteList = deleteList;
        this.addMembers = addMembers;
        this.removeMembers = removeMembers;
        this.members = members;
        this.timeline = timeline;
        this.visibility = visibility;
        this.toApiAccounts = toApiAccounts;
        this.toApiStatuses = toApiStatuses;
    }

    @GetMapping("/api/v1/lists")
    @RequiresScope("read:lists")
    List<ApiList> lists(Caller caller) {
        return lists.findOwnedBy(caller.accountId()).stream().map(ApiList::of).toList();
    }

    @GetMapping("/api/v1/lists/{id}")
    @RequiresScope("read:lists")
    ApiList list(@PathVariable("id") long id, Caller caller) {
        return ApiList.of(owned(id, caller));
    }

    @PostMapping("/api/v1/lists")
    @RequiresScope("write:lists")
    ApiList create(@ApiParams ListParams params, Caller caller) {
        return ApiList.of(createList.create(caller.accountId(), params.title(), params.policy(),
                Boolean.TRUE.equals(params.exclusive())));
    }

    @PutMapping("/api/v1/lists/{id}")
    @RequiresScope("write:lists")
    ApiList update(@PathVariable("id") long id, @ApiParams ListParams params, Caller caller) {
        return ApiList.of(updateList.update(caller.accountId(), id, params.title(), params.policy(),
                params.exclusive()));
    }

    @DeleteMapping("/api/v1/lists/{id}")
    @RequiresScope("write:lists")
    Map<String, Object> delete(@PathVariable("id") long id, Caller caller) {
        deleteList.delete(caller.accountId(), id);
        return Map.of();
    }

    /** Mastodon answers every member, unpaged, to {@code limit=0}. */
    @GetMapping("/api/v1/lists/{id}/accounts")
    @RequiresScope("read:lists")
    ResponseEntity<List<ApiAccount>> members(@PathVariable("id") long id, @ApiParams PageParams paging, Caller caller,
                                             HttpServletRequest request) {
        TimelineList list = owned(id, caller);
        if (Integer.valueOf(0).equals(paging.limit())) {
            return ResponseEntity.ok(accounts(members.all(list.id())));
        }
        return Page.respond(accounts(members.page(list.id(), paging.page(MAX_ACCOUNTS))),
                account -> Long.parseLong(account.id()), request);
    }

    @PostMapping("/api/v1/lists/{id}/accounts")
    @RequiresScope("write:lists")
    Map<String, Object> addMembers(@PathVariable("id") long id, @ApiParams MemberIds ids, Caller caller) {
        addMembers.add(caller.accountId(), id, ids.ids());
        return Map.of();
    }

    @DeleteMapping("/api/v1/lists/{id}/accounts")
    @RequiresScope("write:lists")
    Map<String, Object> removeMembers(@PathVariable("id") long id, @ApiParams MemberIds ids, Caller caller) {
        removeMembers.remove(caller.accountId(), id, ids.ids());
        return Map.of();
    }

    @GetMapping("/api/v1/accounts/{id}/lists")
    @RequiresScope("read:lists")
    List<ApiList> listsContaining(@PathVariable("id") long accountId, Caller caller) {
        toApiAccounts.one(accountId).orElseThrow(ApiException::notFound);
        return lists.findOwnedContaining(caller.accountId(), accountId).stream().map(ApiList::of).toList();
    }

    /** Mastodon asks for {@code read:lists} here; clients that were granted {@code read:statuses} may read it too. */
    @GetMapping("/api/v1/timelines/list/{id}")
    @RequiresScope({"read:statuses", "read:lists"})
    ResponseEntity<List<ApiStatus>> timeline(@PathVariable("id") long id, @ApiParams PageParams paging, Caller caller,
                                             HttpServletRequest request) {
        TimelineList list = owned(id, caller);
        List<Long> ids = timeline.page(list.id(), paging.page(MAX_STATUSES));
        Optional<Long> viewer = Optional.of(caller.accountId());
        Set<Long> visible = visibility.visible(viewer, ids);
        return Page.respond(toApiStatuses.many(ids.stream().filter(visible::contains).toList(), viewer,
                        FilterContext.HOME),
                status -> Long.parseLong(status.id()), request);
    }

    private TimelineList owned(long id, Caller caller) {
        return lists.findOwned(id, caller.accountId()).orElseThrow(ApiException::notFound);
    }

    private List<ApiAccount> accounts(List<Long> ids) {
        Map<Long, ApiAccount> rendered = toApiAccounts.many(ids);
        return ids.stream().map(rendered::get).filter(Objects::nonNull).toList();
    }
}
