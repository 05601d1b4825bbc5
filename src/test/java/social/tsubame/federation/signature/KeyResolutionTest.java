package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.tsubame.federation.signature.SignatureTesting.CLOCK;
import static social.tsubame.federation.signature.SignatureTesting.FOLLOW;
import static social.tsubame.federation.signature.SignatureTesting.INBOX;
import static social.tsubame.federation.signature.SignatureTesting.NOW;
import static social.tsubame.federation.signature.TestKeys.ALICE;
import static social.tsubame.federation.signature.TestKeys.ALICE_BEFORE_ROTATION;
import static social.tsubame.federation.signature.TestKeys.ALICE_KEY_ID;
import static social.tsubame.federation.signature.TestKeys.ALICE_SIGNING;
import static social.tsubame.federation.signature.TestKeys.MALLORY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import social.tsubame.federation.signature.SignatureTesting.RotatingKeys;
import social.tsubame.federation.signature.SignatureTesting.RotatingKeys.Call;
import social.tsubame.federation.signature.VerifiedSignature.Scheme;

/** How the verifier asks for keys: cached first, fetched again once when a signature fails, never when not needed. */
class KeyResolutionTest {

    private final SignatureVerifier verifier = new SignatureVerifier(Duration.ofMinutes(5), CLOCK);

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void aRotatedKeyIsFetchedAgainAndAccepted(Scheme scheme) throws Exception {
        RotatingKeys keys = new RotatingKeys(ALICE_BEFORE_ROTATION.getPublic(), ALICE.getPublic());

        VerifiedSignature verified = verifier.verify(signedFollow(scheme), keys);

        assertThat(verified).isEqualTo(new VerifiedSignature(ALICE_KEY_ID, scheme));
        assertThat(keys.calls()).containsExactly(new Call(ALICE_KEY_ID, false), new Call(ALICE_KEY_ID, true));
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void whenTheFetchedKeyFailsTooTheRequestIsRejected(Scheme scheme) {
        RotatingKeys keys = new RotatingKeys(ALICE_BEFORE_ROTATION.getPublic(), MALLORY.getPublic());

        assertThatThrownBy(() -> verifier.verify(signedFollow(scheme), keys))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the signature does not verify with the key " + ALICE_KEY_ID);
        assertThat(keys.calls()).containsExactly(new Call(ALICE_KEY_ID, false), new Call(ALICE_KEY_ID, true));
    }

    @Test
    void aCachedKeyThatVerifiesIsNotFetchedAgain() throws Exception {
        RotatingKeys keys = new RotatingKeys(ALICE.getPublic(), MALLORY.getPublic());

        verifier.verify(signedFollow(Scheme.DRAFT_CAVAGE), keys);

        assertThat(keys.calls()).containsExactly(new Call(ALICE_KEY_ID, false));
    }

    @Test
    void aKeyThatCannotBeFetchedNowSurfacesAsUnavailable() {
        KeyResolver down = (keyId, _) -> {
            throw new KeyUnavailableException("a.example answered 503 for " + keyId);
        };

        assertThatThrownBy(() -> verifier.verify(signedFollow(Scheme.DRAFT_CAVAGE), down))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessage("a.example answered 503 for " + ALICE_KEY_ID);
    }

    @Test
    void aKeyFetchFailingWhileRefreshingSurfacesAsUnavailable() {
        KeyResolver flaky = (keyId, forceRefresh) -> {
            if (forceRefresh) {
                throw new KeyUnavailableException("timed out fetching " + keyId);
            }
            return Optional.of(ALICE_BEFORE_ROTATION.getPublic());
        };

        assertThatThrownBy(() -> verifier.verify(signedFollow(Scheme.RFC_9421), flaky))
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void aKeyThatDoesNotExistIsRejected() {
        assertThatThrownBy(() -> verifier.verify(signedFollow(Scheme.DRAFT_CAVAGE), (_, _) -> Optional.empty()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the key " + ALICE_KEY_ID + " does not exist");
    }

    @Test
    void aRequestThatFailsWithoutKeysCostsNoKeyFetch() {
        List<String> asked = new ArrayList<>();
        KeyResolver counting = (keyId, _) -> {
            asked.add(keyId);
            return Optional.of(ALICE.getPublic());
        };
        Map<String, String> stale = new CavageSigner().sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW.minusSeconds(3600));

        assertThatThrownBy(() -> verifier.verify(SignatureTesting.received("POST", INBOX, stale, FOLLOW), counting))
                .isInstanceOf(SignatureRejectedException.class);
        assertThat(asked).isEmpty();
    }

    private static IncomingRequest signedFollow(Scheme scheme) {
        Map<String, String> headers = switch (scheme) {
            case DRAFT_CAVAGE -> new CavageSigner().sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
            case RFC_9421 -> new Rfc9421Signer().sign("POST", INBOX, FOLLOW, ALICE_SIGNING, NOW);
        };
        return SignatureTesting.received("POST", INBOX, headers, FOLLOW);
    }
}
