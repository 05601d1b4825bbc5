package social.tsubame.api.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.UnfollowAccount;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiRelationship;
import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.RelationshipsToApiRelationships;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.ServerIdentity;
import social.tsubame.filter.FilterContext;
import social.tsubame.timeline.StatusPages;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

@RestController
@Profile(Roles.WEB)
class AccountsController {

    /** {@code notify} is a name records cannot use, hence the explicit property name. */
    record FollowOptions(Boolean reblogs, @JsonProperty("notify") Boolean notifyOnPost) {
    }

    private final AccountsToApiAccounts toApiAccounts;
    private final StatusesToApiStatuses toApiStatuses;
    private final RelationshipsToApiRelationships relationships;
    private final Accounts accounts;
    private final StatusPages statusPages;
    private final FollowAccount followAccount;
    private final UnfollowAccount unfollowAccount;
    private final ServerIdentity identity;

    AccountsController(AccountsToApiAccounts toApiAccounts, StatusesToApiStatuses toApiStatuses,
                       RelationshipsToApiRelationships relationships, Accounts accounts, StatusPages statusPages,
                       FollowAccount followAccount, UnfollowAccount unfollowAccount, ServerIdentity identity) {
        this.toApiAccounts = toApiAccounts;
        this.toApiStatuses = toApiStatuses;
        this.relationships = relationships;
        this.accounts = accounts;
        this.statusPages = statusPages;
        this.followAccount = followAccount;
        this.unfollowAccount = unfollowAccount;
        this.identity = identity;
    }

    @GetMapping("/api/v1/accounts/lookup")
    ApiAccount lookup(@RequestParam("acct") String acct) {
        String handle = acct.strip().replaceFirst("^@", "");
        int at = handle.indexOf('@');
        String username = at < 0 ? handle : handle.substring(0, at);
        String domain = at < 0 ? null : handle.substring(at + 1).toLowerCase();
        Optional<Account> found = domain == null || domain.equals(identity.localDomain().toLowerCase())
                ? accounts.findLocal(username) : accounts.findRemote(username, domain);
        return found.flatMap(account -> toApiAccounts.one(account.id())).orElseThrow(ApiException::notFound);
    }

    @GetMapping("/api/v1/accounts/{id}")
    ApiAccount account(@PathVariable("id") long id) {
        return toApiAccounts.one(id).orElseThrow(ApiException::notFound);
    }

    record StatusFilters(Boolean excludeReplies, Boolean excludeReblogs, Boolean onlyMedia, Boolean pinned,
                         String tagged, String maxId, String sinceId, String minId, Integer limit) {
    }

    @GetMapping("/api/v1/accounts/{id}/statuses")
    @RequiresScope("read:statuses")
    ResponseEntity<List<ApiStatus>> statuses(@PathVariable("id") long id, @ApiParams StatusFilters filters,
                                             Optional<Caller> caller, HttpServletRequest request) {
        toApiAccounts.one(id).orElseThrow(ApiException::notFound);
        Optional<Long> viewer = caller.map(Caller::accountId);
        Page page = Page.of(filters.maxId(), filters.sinceId(), filters.minId(), filters.limit(), 40);
        List<Long> ids = statusPages.accountTimeline(id, new StatusPages.AccountScope(
                Boolean.TRUE.equals(filters.excludeReplies()), Boolean.TRUE.equals(filters.excludeReblogs()),
                Boolean.TRUE.equals(filters.onlyMedia()), Boolean.TRUE.equals(filters.pinned()), filters.tagged()),
                viewer, page);
        return Page.respond(toApiStatuses.many(ids, viewer, FilterContext.ACCOUNT),
                status -> Long.parseLong(status.id()), request);
    }

    @PostMapping("/api/v1/accounts/{id}/follow")
    @RequiresScope("write:follows")
    ApiRelationship follow(@PathVariable("id") long id, @ApiParams FollowOptions options, Caller caller) {
        toApiAccounts.one(id).orElseThrow(ApiException::notFound);
        if (id == caller.accountId()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "You cannot follow yourself");
        }
        followAccount.follow(caller.accountId(), id, !Boolean.FALSE.equals(options.reblogs()),
                Boolean.TRUE.equals(options.notifyOnPost()));
        return relationship(caller, id);
    }

    @PostMapping("/api/v1/accounts/{id}/unfollow")
    @RequiresScope("write:follows")
    ApiRelationship unfollow(@PathVariable("id") long id, Caller caller) {
        toApiAccounts.one(id).orElseThrow(ApiException::notFound);
        unfollowAccount.unfollow(caller.accountId(), id);
        return relationship(caller, id);
    }

    record RelationshipQuery(List<Long> id) {
    }

    @GetMapping("/api/v1/accounts/relationships")
    @RequiresScope("read:follows")
    List<ApiRelationship> relationships(@ApiParams RelationshipQuery query, Caller caller) {
        return relationships.of(caller.accountId(), query.id() == null ? List.of() : query.id());
    }

    private ApiRelationship relationship(Caller caller, long id) {
        return relationships.of(caller.accountId(), List.of(id)).getFirst();
    }
}
