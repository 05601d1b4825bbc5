package social.tsubame.federation.outbound;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.InstanceActorAccount;
import social.tsubame.core.PemKeys;
import social.tsubame.core.Uris;
import social.tsubame.federation.http.RequestSigner;
import social.tsubame.federation.signature.CavageSigner;
import social.tsubame.federation.signature.SigningKey;

/** Signs outgoing requests as a local account, or as the server's own actor when nobody in particular asks. */
@Component
public class LocalSigners {

    private final Uris uris;
    private final InstanceActorAccount instanceActor;
    private final Clock clock;
    private final CavageSigner signer = new CavageSigner();
    // Parsing a PEM key costs more than signing with it once; deliveries sign with the same few keys again and again.
    private final Cache<Long, PrivateKey> keys = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    public LocalSigners(Uris uris, InstanceActorAccount instanceActor, Clock clock) {
        this.uris = uris;
        this.instanceActor = instanceActor;
        this.clock = clock;
    }

    public RequestSigner as(Account account) {
        if (!account.isLocal()) {
            throw new IllegalArgumentException("Only local accounts sign: " + account.acct());
        }
        String actor = uris.localActor(account.username());
        SigningKey key = new SigningKey(uris.keyId(actor),
                keys.get(account.id(), id -> PemKeys.privateKeyFromPem(account.privateKey())));
        return (method, uri, body) -> signer.sign(method, uri, body == null ? new byte[0] : body, key,
                clock.instant());
    }

    public RequestSigner asInstanceActor() {
        return as(instanceActor.get());
    }
}
