package social.tsubame.federation.inbound;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.PemKeys;
import social.tsubame.federation.signature.KeyResolver;
import social.tsubame.federation.signature.KeyUnavailableException;

/**
 * Public keys of remote actors for signature checks: from memory, then the database, then the actor's server. A
 * refresh (after a signature failed with the key we had) always goes to the server, since the key may have rotated.
 */
@Component
public class SignerKeys implements KeyResolver {

    private static final Log log = LogFactory.getLog(SignerKeys.class);

    private final Accounts accounts;
    private final RemoteActors remoteActors;
    private final Cache<String, KnownKey> cache = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(12)).build();

    /** Who signs with a key: the actor's id and its server's domain. */
    public record KeyOwner(String uri, String domain) {
    }

    private record KnownKey(PublicKey key, KeyOwner owner) {
    }

    public SignerKeys(Accounts accounts, RemoteActors remoteActors) {
        this.accounts = accounts;
        this.remoteActors = remoteActors;
    }

    @Override
    public Optional<PublicKey> resolve(String keyId, boolean forceRefresh) throws KeyUnavailableException {
        if (!forceRefresh) {
            KnownKey cached = cache.getIfPresent(keyId);
            if (cached != null) {
                return Optional.of(cached.key());
            }
            Optional<Account> known = accounts.findByPublicKeyId(keyId);
            if (known.isPresent()) {
                return remember(keyId, known.get());
            }
        }
        try {
            return remember(keyId, remoteActors.fetchByKeyId(keyId));
        } catch (RemoteActors.ActorNotFoundException e) {
            log.info("No key " + keyId + ": " + e.getMessage());
            cache.invalidate(keyId);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new KeyUnavailableException("Cannot fetch key " + keyId + ": " + e.getMessage(), e);
        }
    }

    private Optional<PublicKey> remember(String keyId, Account account) {
        if (!keyId.equals(account.publicKeyId()) || account.publicKey().isBlank()) {
            return Optional.empty();
        }
        PublicKey key = PemKeys.publicKeyFromPem(account.publicKey());
        cache.put(keyId, new KnownKey(key, new KeyOwner(account.uri(), account.domain())));
        return Optional.of(key);
    }

    /**
     * The owner of a key that just verified a signature: remembered with the key, so an inbox request costs no
     * database lookup for it.
     */
    public Optional<KeyOwner> ownerOf(String keyId) {
        KnownKey known = cache.getIfPresent(keyId);
        if (known != null) {
            return Optional.of(known.owner());
        }
        return accounts.findByPublicKeyId(keyId).map(account -> new KeyOwner(account.uri(), account.domain()));
    }
}
