package social.tsubame.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests, clocks and key resolvers for the signature tests. */
final class SignatureTesting {

    /** This server's time in most tests: Thu, 05 Mar 2026 09:04:05 GMT. */
    static final Instant NOW = Instant.parse("2026-03-05T09:04:05Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final URI INBOX = URI.create("https://b.example/users/bob/inbox");

    static final URI OUTBOX = URI.create("https://a.example/users/alice/outbox?page=true&min_id=0");

    static final byte[] FOLLOW = """
            {"@context":"https://www.w3.org/ns/activitystreams","id":"https://a.example/follows/1","type":"Follow",\
            "actor":"https://a.example/users/alice","object":"https://b.example/users/bob"}"""
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] NO_BODY = new byte[0];

    private SignatureTesting() {
    }

    static IncomingRequest received(String method, URI target, Map<String, String> headers, byte[] body) {
        HeaderFields fields = HeaderFields.empty();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            fields = fields.with(header.getKey(), header.getValue());
        }
        return new IncomingRequest(method, target, fields, body);
    }

    /** A resolver that always answers this key. */
    static KeyResolver keysGiving(PublicKey key) {
        return (_, _) -> Optional.of(key);
    }

    /** The base64 of a signature over this text, made without the code under test deciding what is signed. */
    static String signText(PrivateKey key, SignatureAlgorithm algorithm, String text) {
        byte[] signature = algorithm.sign(key, text.getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(signature);
    }

    /** A resolver answering one key from its cache and another when asked to fetch again, noting every call. */
    static final class RotatingKeys implements KeyResolver {

        record Call(String keyId, boolean forceRefresh) {
        }

        private final PublicKey cached;
        private final PublicKey fetched;
        private final List<Call> calls = new ArrayList<>();

        RotatingKeys(PublicKey cached, PublicKey fetched) {
            this.cached = cached;
            this.fetched = fetched;
        }

        @Override
        public Optional<PublicKey> resolve(String keyId, boolean forceRefresh) {
            calls.add(new Call(keyId, forceRefresh));
            return Optional.of(forceRefresh ? fetched : cached);
        }

        List<Call> calls() {
            return calls;
        }
    }
}
