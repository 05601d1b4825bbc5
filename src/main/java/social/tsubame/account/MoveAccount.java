package social.tsubame.account;

import java.util.Arrays;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.queue.DomainEvents;

/**
 * A local account moves to another account, which must name it among its aliases first: local followers move at once,
 * remote servers are told with a Move and move theirs.
 */
@Service
public class MoveAccount {

    private final Accounts accounts;
    private final MoveFollowers moveFollowers;
    private final DomainEvents events;

    public MoveAccount(Accounts accounts, MoveFollowers moveFollowers, DomainEvents events) {
        this.accounts = accounts;
        this.moveFollowers = moveFollowers;
        this.events = events;
    }

    /**
     * @param accountActorUri the moving account's own actor URI, which the target must list in its aliases
     */
    @Transactional
    public void move(long localAccountId, long targetId, String accountActorUri) {
        Account account = accounts.findById(localAccountId).filter(Account::isLocal)
                .orElseThrow(ApiException::notFound);
        Account target = accounts.findById(targetId).orElseThrow(ApiException::notFound);
        if (account.id() == target.id()) {
            throw ApiException.unprocessable("An account cannot move to itself");
        }
        if (!Arrays.asList(target.alsoKnownAs()).contains(accountActorUri)) {
            throw ApiException.unprocessable("The target account must list this account as an alias first");
        }
        moveFollowers.move(account.id(), target.id());
        events.publish(new AccountMoved(account.id(), target.id()));
    }
}
