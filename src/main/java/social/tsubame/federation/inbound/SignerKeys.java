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
    private final Cache<String, PublicKey> cache = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(12)).build();

    public SignerKeys(Accounts accounts, RemoteActors remoteActors) {
        this.accounts = accounts;
        this.remoteActors = remoteActors;
    }

    @Override
    public Optional<PublicKey> resolve(String keyId, boolean forceRefresh) throws KeyUnavailableException {
        if (!forceRefresh) {
            PublicKey cached = cache.getIfPresent(keyId);
            if (cached != null) {
                return Optional.of(cached);
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
        cache.put(keyId, key);
        return Optional.of(key);
    }
}
