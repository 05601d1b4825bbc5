package social.tsubame.account;

import org.springframework.stereotype.Component;

import social.tsubame.core.Uris;

/** The ActivityPub id of any account: built for local ones, as stored for remote ones. */
@Component
public class ActorIds {

    private final Uris uris;

    public ActorIds(Uris uris) {
        this.uris = uris;
    }

    public String of(Account account) {
        return account.isLocal() ? uris.localActor(account.username()) : account.uri();
    }
}
