package social.tsubame.api.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.AddAccountAlias;
import social.tsubame.account.MoveAccount;
import social.tsubame.account.RemoveAccountAlias;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiAccountAlias;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.core.Uris;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/**
 * Moving accounts, which Mastodon offers on its settings pages only: the signed-in account's aliases (the accounts
 * allowed to move here) and its move to another account.
 */
@RestController
@Profile(Roles.WEB)
class AccountMigrationController {

    /** One alias, by its handle or, for an account no longer known here, by its actor id. */
    record AliasParams(String acct, String uri) {
    }

    record MoveParams(String acct, String currentPassword) {
    }

    private final AddAccountAlias addAlias;
    private final RemoveAccountAlias removeAlias;
    private final MoveAccount moveAccount;
    private final Accounts accounts;
    private final AccountsToApiAccounts toApiAccounts;
    private final Uris uris;

    AccountMigrationController(AddAccountAlias addAlias, RemoveAccountAlias removeAlias, MoveAccount moveAccount,
                               Accounts accounts, AccountsToApiAccounts toApiAccounts, Uris uris) {
        this.addAlias = addAlias;
        this.removeAlias = removeAlias;
        this.moveAccount = moveAccount;
        this.accounts = accounts;
        this.toApiAccounts = toApiAccounts;
        this.uris = uris;
    }

    @GetMapping("/api/v1/accounts/aliases")
    @RequiresScope("read:accounts")
    List<ApiAccountAlias> aliases(Caller caller) {
        Account account = accounts.findById(caller.accountId()).orElseThrow(ApiException::notFound);
        return Arrays.stream(account.alsoKnownAs()).map(this::alias).toList();
    }

    @PostMapping("/api/v1/accounts/aliases")
    @RequiresScope("write:accounts")
    List<ApiAccountAlias> addAlias(@ApiParams AliasParams params, Caller caller) {
        if (params.acct() == null || params.acct().isBlank()) {
            throw ApiException.unprocessable("acct is missing");
        }
        addAlias.add(caller.accountId(), params.acct());
        return aliases(caller);
    }

    @DeleteMapping("/api/v1/accounts/aliases")
    @RequiresScope("write:accounts")
    List<ApiAccountAlias> removeAlias(@ApiParams AliasParams params, Caller caller) {
        if (params.uri() != null && !params.uri().isBlank()) {
            removeAlias.remove(caller.accountId(), params.uri());
        } else if (params.acct() != null && !params.acct().isBlank()) {
            removeAlias.removeHandle(caller.accountId(), params.acct());
        } else {
            throw ApiException.unprocessable("acct or uri is missing");
        }
        return aliases(caller);
    }

    /** Answers the moved account, whose {@code moved} now names the target. */
    @PostMapping("/api/v1/accounts/move")
    @RequiresScope("write:accounts")
    ApiAccount move(@ApiParams MoveParams params, Caller caller) {
        if (params.acct() == null || params.acct().isBlank()) {
            throw ApiException.unprocessable("acct is missing");
        }
        moveAccount.move(new MoveAccount.Command(caller.userId(), caller.accountId(), params.acct(),
                params.currentPassword()));
        return toApiAccounts.one(caller.accountId()).orElseThrow(ApiException::notFound);
    }

    private ApiAccountAlias alias(String actorId) {
        Optional<Account> known = uris.localUsername(actorId).flatMap(accounts::findLocal)
                .or(() -> accounts.findByUri(actorId));
        return new ApiAccountAlias(known.map(Account::acct).orElse(null), actorId);
    }
}
