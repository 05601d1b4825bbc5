package social.tsubame.api.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.api.model.AccountRows;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.PageParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The people on either side of follows, and the caller's requests, blocks and mutes. */
@RestController
@Profile(Roles.WEB)
class RelationshipListsController {

    private static final int MAX_LIMIT = 80;

    private final AccountRows rows;
    private final AccountsToApiAccounts accounts;

    RelationshipListsController(AccountRows rows, AccountsToApiAccounts accounts) {
        this.rows = rows;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/accounts/{id}/followers")
    @RequiresScope("read:accounts")
    ResponseEntity<List<ApiAccount>> followers(@PathVariable("id") long id, @ApiParams PageParams paging,
                                               Optional<Caller> caller, HttpServletRequest request) {
        accounts.one(id).orElseThrow(ApiException::notFound);
        return rows.page("SELECT r.id AS row_id, r.account_id FROM follows r WHERE r.target_account_id = :id",
                Map.of("id", id), paging.page(MAX_LIMIT), request);
    }

    @GetMapping("/api/v1/accounts/{id}/following")
    @RequiresScope("read:accounts")
    ResponseEntity<List<ApiAccount>> following(@PathVariable("id") long id, @ApiParams PageParams paging,
                                               Optional<Caller> caller, HttpServletRequest request) {
        accounts.one(id).orElseThrow(ApiException::notFound);
        return rows.page("SELECT r.id AS row_id, r.target_account_id AS account_id FROM follows r"
                + " WHERE r.account_id = :id", Map.of("id", id), paging.page(MAX_LIMIT), request);
    }

    @GetMapping("/api/v1/follow_requests")
    @RequiresScope("read:follows")
    ResponseEntity<List<ApiAccount>> followRequests(@ApiParams PageParams paging, Caller caller,
                                                    HttpServletRequest request) {
        return rows.page("SELECT r.id AS row_id, r.account_id FROM follow_requests r"
                + " WHERE r.target_account_id = :me", Map.of("me", caller.accountId()), paging.page(MAX_LIMIT),
                request);
    }

    @GetMapping("/api/v1/blocks")
    @RequiresScope("read:blocks")
    ResponseEntity<List<ApiAccount>> blocks(@ApiParams PageParams paging, Caller caller, HttpServletRequest request) {
        return rows.page("SELECT r.id AS row_id, r.target_account_id AS account_id FROM blocks r"
                + " WHERE r.account_id = :me", Map.of("me", caller.accountId()), paging.page(MAX_LIMIT), request);
    }

    @GetMapping("/api/v1/mutes")
    @RequiresScope("read:mutes")
    ResponseEntity<List<ApiAccount>> mutes(@ApiParams PageParams paging, Caller caller, HttpServletRequest request) {
        return rows.page("SELECT r.id AS row_id, r.target_account_id AS account_id FROM mutes r"
                + " WHERE r.account_id = :me AND (r.expires_at IS NULL OR r.expires_at > now())",
                Map.of("me", caller.accountId()), paging.page(MAX_LIMIT), request);
    }
}
