package social.tsubame.admin.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.moderation.ActOnAccount;
import social.tsubame.moderation.DeleteStatusAsModerator;
import social.tsubame.moderation.DeleteSuspendedAccount;
import social.tsubame.moderation.EnableLogin;
import social.tsubame.moderation.ReviewSignUp;
import social.tsubame.moderation.UnsensitizeAccount;
import social.tsubame.moderation.UnsilenceAccount;
import social.tsubame.moderation.UnsuspendAccount;
import social.tsubame.web.ApiParams;
import social.tsubame.web.Page;
import social.tsubame.web.RecordIds;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Mastodon's admin API for accounts: finding them, and the moderators' actions on them. Moderators may use it, not
 * only admins. Deleting a status as a moderator is Tsubame's own endpoint, as Mastodon's API has none.
 */
@RestController
@Profile(Roles.WEB)
class AccountsAdminController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 200;

    record ListParams(Boolean local, Boolean remote, String byDomain, Boolean active, Boolean pending,
                      Boolean disabled, Boolean silenced, Boolean suspended, Boolean sensitized, String username,
                      String displayName, String email, String maxId, String sinceId, String minId, Integer limit) {

        AdminAccounts.Filters filters() {
            return new AdminAccounts.Filters(on(local), on(remote), byDomain, on(active), on(pending), on(disabled),
                    on(silenced), on(suspended), on(sensitized), username, displayName, email);
        }

        private static boolean on(Boolean value) {
            return Boolean.TRUE.equals(value);
        }
    }

    /** API v2's filters: {@code origin} local or remote, {@code status} one of the v1 states. */
    record ListV2Params(String origin, String status, String byDomain, String username, String displayName,
                        String email, String maxId, String sinceId, String minId, Integer limit) {

        AdminAccounts.Filters filters() {
            if (origin != null && !Set.of("local", "remote").contains(origin)) {
                throw ApiException.unprocessable("Validation failed: origin must be local or remote");
            }
            if (status != null && !V2_STATUSES.contains(status)) {
                throw ApiException.unprocessable("Validation failed: status must be one of active, pending, "
                        + "disabled, silenced, suspended");
            }
            return new AdminAccounts.Filters("local".equals(origin), "remote".equals(origin), byDomain,
                    "active".equals(status), "pending".equals(status), "disabled".equals(status),
                    "silenced".equals(status), "suspended".equals(status), false, username, displayName, email);
        }
    }

    private static final Set<String> V2_STATUSES = Set.of("active", "pending", "disabled", "silenced", "suspended");

    record ActionParams(String type, String text, String reportId) {
    }

    private final AdminAccounts accounts;
    private final ServerAdmins admins;
    private final ActOnAccount actOnAccount;
    private final ReviewSignUp reviewSignUp;
    private final EnableLogin enableLogin;
    private final UnsilenceAccount unsilenceAccount;
    private final UnsuspendAccount unsuspendAccount;
    private final UnsensitizeAccount unsensitizeAccount;
    private final DeleteStatusAsModerator deleteStatus;
    private final DeleteSuspendedAccount deleteSuspendedAccount;

    AccountsAdminController(AdminAccounts accounts, ServerAdmins admins, ActOnAccount actOnAccount,
                            ReviewSignUp reviewSignUp, EnableLogin enableLogin, UnsilenceAccount unsilenceAccount,
                            UnsuspendAccount unsuspendAccount, UnsensitizeAccount unsensitizeAccount,
                            DeleteStatusAsModerator deleteStatus, DeleteSuspendedAccount deleteSuspendedAccount) {
        this.accounts = accounts;
        this.admins = admins;
        this.actOnAccount = actOnAccount;
        this.reviewSignUp = reviewSignUp;
        this.enableLogin = enableLogin;
        this.unsilenceAccount = unsilenceAccount;
        this.unsuspendAccount = unsuspendAccount;
        this.unsensitizeAccount = unsensitizeAccount;
        this.deleteStatus = deleteStatus;
        this.deleteSuspendedAccount = deleteSuspendedAccount;
    }

    @GetMapping("/api/v1/admin/accounts")
    @RequiresScope("admin:read:accounts")
    ResponseEntity<List<AdminAccount>> list(@ApiParams ListParams params, Caller caller, HttpServletRequest request) {
        admins.requireModerator(caller);
        return respond(params.filters(), page(params.maxId(), params.sinceId(), params.minId(), params.limit()),
                request);
    }

    @GetMapping("/api/v2/admin/accounts")
    @RequiresScope("admin:read:accounts")
    ResponseEntity<List<AdminAccount>> listV2(@ApiParams ListV2Params params, Caller caller,
                                              HttpServletRequest request) {
        admins.requireModerator(caller);
        return respond(params.filters(), page(params.maxId(), params.sinceId(), params.minId(), params.limit()),
                request);
    }

    /** Mastodon pages admin accounts by 100 unless asked otherwise, up to 200. */
    private static Page page(String maxId, String sinceId, String minId, Integer limit) {
        return Page.of(maxId, sinceId, minId, limit == null ? DEFAULT_LIMIT : limit, MAX_LIMIT);
    }

    private ResponseEntity<List<AdminAccount>> respond(AdminAccounts.Filters filters, Page page,
                                                       HttpServletRequest request) {
        return Page.respond(accounts.list(filters, page), account -> Long.parseLong(account.id()), request);
    }

    @GetMapping("/api/v1/admin/accounts/{id}")
    @RequiresScope("admin:read:accounts")
    AdminAccount show(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        return found(id);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/action")
    @RequiresScope("admin:write:accounts")
    Object act(@PathVariable String id, @ApiParams ActionParams params, Caller caller) {
        admins.requireModerator(caller);
        actOnAccount.act(new ActOnAccount.Command(caller.accountId(), found(id).idValue(),
                params.type() == null ? "none" : params.type(), params.text(), RecordIds.optional(params.reportId())));
        return Map.of();
    }

    @PostMapping("/api/v1/admin/accounts/{id}/approve")
    @RequiresScope("admin:write:accounts")
    AdminAccount approve(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        reviewSignUp.approve(caller.accountId(), found(id).idValue());
        return found(id);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/reject")
    @RequiresScope("admin:write:accounts")
    AdminAccount reject(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        AdminAccount account = found(id);
        reviewSignUp.reject(caller.accountId(), account.idValue());
        return account;
    }

    @PostMapping("/api/v1/admin/accounts/{id}/enable")
    @RequiresScope("admin:write:accounts")
    AdminAccount enable(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        enableLogin.enable(caller.accountId(), found(id).idValue());
        return found(id);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/unsilence")
    @RequiresScope("admin:write:accounts")
    AdminAccount unsilence(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        unsilenceAccount.unsilence(caller.accountId(), found(id).idValue());
        return found(id);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/unsuspend")
    @RequiresScope("admin:write:accounts")
    AdminAccount unsuspend(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        unsuspendAccount.unsuspend(caller.accountId(), found(id).idValue());
        return found(id);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/unsensitive")
    @RequiresScope("admin:write:accounts")
    AdminAccount unsensitive(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        unsensitizeAccount.unsensitize(caller.accountId(), found(id).idValue());
        return found(id);
    }

    @DeleteMapping("/api/v1/admin/accounts/{id}")
    @RequiresScope("admin:write:accounts")
    AdminAccount delete(@PathVariable String id, Caller caller) {
        admins.require(caller);
        AdminAccount account = found(id);
        deleteSuspendedAccount.delete(caller.accountId(), account.idValue());
        return account;
    }

    @DeleteMapping("/api/v1/admin/statuses/{id}")
    @RequiresScope("admin:write:accounts")
    Object deleteStatus(@PathVariable String id, Caller caller) {
        admins.requireModerator(caller);
        deleteStatus.delete(caller.accountId(), RecordIds.required(id));
        return Map.of();
    }

    private AdminAccount found(String id) {
        return accounts.find(RecordIds.required(id)).orElseThrow(ApiException::notFound);
    }
}
