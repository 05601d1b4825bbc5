package social.tsubame.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.account.Role;
import social.tsubame.account.Users;
import social.tsubame.core.ApiException;

/**
 * Finds the account a moderator acts on, by id or by {@code username[@domain]}, and refuses one the moderator does not
 * outrank: a moderator acts on users, an admin also on moderators, an owner also on admins, nobody on their own rank
 * or on the server's own actor.
 */
@Component
public class ModeratedAccounts {

    private final Accounts accounts;
    private final Users users;
    private final InstanceActorAccount instanceActor;

    ModeratedAccounts(Accounts accounts, Users users, InstanceActorAccount instanceActor) {
        this.accounts = accounts;
        this.users = users;
        this.instanceActor = instanceActor;
    }

    /**
     * The account, when the moderator may act on it.
     *
     * @param moderatorId the acting moderator's account; null for the operator at the command line, who outranks all
     */
    public Account actedOnBy(Long moderatorId, long accountId) {
        Account account = byId(accountId);
        boolean instanceActorAccount = account.isLocal() && account.username().equals(instanceActor.username());
        if (instanceActorAccount || (moderatorId != null && !roleOf(moderatorId).outranks(roleOf(account.id())))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This action is not allowed");
        }
        return account;
    }

    public Account byId(long accountId) {
        return accounts.findById(accountId).orElseThrow(ApiException::notFound);
    }

    public Account byAcct(String acct) {
        String[] parts = acct.replaceFirst("^@", "").split("@", 2);
        return (parts.length == 1 ? accounts.findLocal(parts[0]) : accounts.findRemote(parts[0], parts[1]))
                .orElseThrow(ApiException::notFound);
    }

    /** Remote accounts have no role here and rank as users. */
    private Role roleOf(long accountId) {
        return users.findRoleByAccountId(accountId).orElse(Role.USER);
    }
}
