package social.tsubame.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import social.tsubame.federation.signature.StructuredFields.ByteSequence;
import social.tsubame.federation.signature.StructuredFields.InnerList;
import social.tsubame.federation.signature.StructuredFields.Item;
import social.tsubame.federation.signature.StructuredFields.Member;

/**
 * Signs an outgoing request with RFC 9421 HTTP Message Signatures, for peers that ask for them: the method, the
 * target URI and, when there is a body, its {@code Content-Digest}, with rsa-v1_5-sha256.
 */
public final class Rfc9421Signer {

    private static final String LABEL = "sig1";
    private static final String ALGORITHM = "rsa-v1_5-sha256";

    /**
     * The headers to add to the request, in this order: {@code Content-Digest} when there is a body,
     * {@code Signature-Input}, {@code Signature}.
     *
     * @param method the request method, e.g. {@code POST}
     * @param target the URI the request goes to
     * @param body   the exact bytes to send; empty when there is no body
     * @param key    the actor's key
     * @param now    the time to sign at, which becomes {@code created}
     */
    public SequencedMap<String, String> sign(String method, URI target, byte[] body, SigningKey key, Instant now) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@method", method);
        values.put("@target-uri", TargetUri.of(target).uri());
        if (body.length > 0) {
            headers.put("Content-Digest", BodyDigests.contentDigestHeader(body));
            values.put("content-digest", headers.get("Content-Digest"));
        }

        SequencedMap<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", now.getEpochSecond());
        parameters.put("keyid", key.keyId());
        parameters.put("alg", ALGORITHM);
        List<Item> components = values.keySet().stream().map(Item::new).toList();
        InnerList signatureParams = new InnerList(components, parameters);
        byte[] signature = SignatureAlgorithm.RSA_PKCS1_SHA256.sign(key.privateKey(),
                SignatureBase.of(signatureParams, values::get).getBytes(StandardCharsets.ISO_8859_1));

        headers.put("Signature-Input", StructuredFields.serializeDictionary(labelled(signatureParams)));
        headers.put("Signature", StructuredFields.serializeDictionary(labelled(new Item(new ByteSequence(signature)))));
        return Collections.unmodifiableSequencedMap(headers);
    }

    private static SequencedMap<String, Member> labelled(Member member) {
        SequencedMap<String, Member> dictionary = new LinkedHashMap<>();
        dictionary.put(LABEL, member);
        return dictionary;
    }
}
