package social.tsubame.api.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiStatus;
import social.tsubame.api.model.StatusesToApiStatuses;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Mastodon's search: accounts, hashtags and statuses for a query, or the one thing a pasted link or handle names.
 * Anonymous callers find accounts and hashtags among what is known here; looking things up on other servers and
 * searching the text of statuses take a signed-in user.
 */
@RestController
@Profile(Roles.WEB)
class SearchController {

    private static final Set<String> TYPES = Set.of("accounts", "hashtags", "statuses");

    record SearchParams(String q, String type, Boolean resolve, Boolean following, String accountId,
                        Boolean excludeUnreviewed, String maxId, String minId, Integer limit, Integer offset) {
    }

    record AccountSearchParams(String q, Boolean resolve, Boolean following, Integer limit, Integer offset) {
    }

    private final SearchAccounts searchAccounts;
    private final SearchHashtags searchHashtags;
    private final SearchStatuses searchStatuses;
    private final ResolvePastedUrl resolvePastedUrl;
    private final AccountsToApiAccounts toApiAccounts;
    private final StatusesToApiStatuses toApiStatuses;

    SearchController(SearchAccounts searchAccounts, SearchHashtags searchHashtags, SearchStatuses searchStatuses,
                     ResolvePastedUrl resolvePastedUrl, AccountsToApiAccounts toApiAccounts,
                     StatusesToApiStatuses toApiStatuses) {
        this.searchAccounts = searchAccounts;
        this.searchHashtags = searchHashtags;
        this.searchStatuses = searchStatuses;
        this.resolvePastedUrl = resolvePastedUrl;
        this.toApiAccounts = toApiAccounts;
        this.toApiStatuses = toApiStatuses;
    }

    @GetMapping("/api/v2/search")
    @RequiresScope("read:search")
    ApiSearchResults search(@ApiParams SearchParams params, Optional<Caller> caller) {
        String q = required(params.q());
        String type = params.type() == null || params.type().isBlank() ? null : params.type();
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.unprocessable("type must be one of accounts, hashtags, statuses");
        }
        int offset = offset(params.offset());
        if (caller.isEmpty() && Boolean.TRUE.equals(params.resolve())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED,
                    "Search queries that resolve remote resources are not supported without authentication");
        }
        if (caller.isEmpty() && offset > 0) {
            throw new ApiException(HttpStatus.UNAUTHORIZED,
                    "Search queries pagination is not supported without authentication");
        }
        Page page = Page.of(params.maxId(), null, params.minId(), params.limit(), 40);
        long viewer = caller.map(Caller::accountId).orElse(0L);
        boolean resolve = Boolean.TRUE.equals(params.resolve());
        if (resolve && isUrl(q)) {
            return offset > 0 ? ApiSearchResults.NONE : pasted(q, type, viewer);
        }
        List<ApiAccount> accounts = wants(type, "accounts") ? accounts(searchAccounts.search(
                new SearchAccounts.Query(q, resolve, Boolean.TRUE.equals(params.following()), page.limit(), offset),
                viewer)) : List.of();
        List<ApiStatus> statuses = wants(type, "statuses") && caller.isPresent()
                ? toApiStatuses.many(searchStatuses.search(new SearchStatuses.Query(q, id(params.accountId()),
                page, offset), viewer), Optional.of(viewer)) : List.of();
        List<ApiTag> hashtags = wants(type, "hashtags") ? searchHashtags.search(new SearchHashtags.Query(q,
                Boolean.TRUE.equals(params.excludeUnreviewed()), page.limit(), offset)) : List.of();
        return new ApiSearchResults(accounts, statuses, hashtags);
    }

    /** As on Mastodon, 40 accounts unless asked otherwise, 80 at most. */
    @GetMapping("/api/v1/accounts/search")
    @RequiresScope("read:accounts")
    List<ApiAccount> searchAccounts(@ApiParams AccountSearchParams params, Caller caller) {
        int limit = params.limit() == null ? 40 : Math.clamp(params.limit(), 1, 80);
        return accounts(searchAccounts.search(new SearchAccounts.Query(required(params.q()),
                Boolean.TRUE.equals(params.resolve()), Boolean.TRUE.equals(params.following()), limit,
                offset(params.offset())), caller.accountId()));
    }

    private ApiSearchResults pasted(String url, String type, long viewer) {
        ResolvePastedUrl.Found found = resolvePastedUrl.resolve(url, wants(type, "accounts"),
                wants(type, "statuses"), viewer);
        return new ApiSearchResults(accounts(found.accountId().stream().toList()),
                toApiStatuses.many(found.statusId().stream().toList(), Optional.of(viewer)), List.of());
    }

    private List<ApiAccount> accounts(Collection<Long> ids) {
        Map<Long, ApiAccount> rendered = toApiAccounts.many(ids);
        return ids.stream().map(rendered::get).filter(Objects::nonNull).toList();
    }

    private static String required(String q) {
        if (q == null || q.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "param is missing or the value is empty: q");
        }
        return q.strip();
    }

    private static int offset(Integer offset) {
        if (offset != null && offset < 0) {
            throw ApiException.unprocessable("offset must not be negative");
        }
        return offset == null ? 0 : offset;
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid id: " + value);
        }
    }

    private static boolean wants(String type, String kind) {
        return type == null || type.equals(kind);
    }

    private static boolean isUrl(String q) {
        return q.startsWith("https://") || q.startsWith("http://");
    }
}
