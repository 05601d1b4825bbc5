package social.tsubame.federation.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import social.tsubame.federation.signature.Candidate.Plausible;
import social.tsubame.federation.signature.Candidate.Refused;
import social.tsubame.federation.signature.StructuredFields.ByteSequence;
import social.tsubame.federation.signature.StructuredFields.InnerList;
import social.tsubame.federation.signature.StructuredFields.Item;
import social.tsubame.federation.signature.StructuredFields.Member;
import social.tsubame.federation.signature.VerifiedSignature.Scheme;

/** Finds the RFC 9421 signatures on a request and checks all they claim except the signature itself. */
final class Rfc9421Candidates {

    private Rfc9421Candidates() {
    }

    static List<Candidate> find(IncomingRequest request, TimeWindow window) {
        Optional<String> inputField = request.headers().combined("Signature-Input");
        if (inputField.isEmpty()) {
            return List.of();
        }
        Map<String, Member> inputs;
        Map<String, Member> signatures;
        try {
            inputs = StructuredFieldParser.parseDictionary(inputField.get());
            signatures = StructuredFieldParser.parseDictionary(request.headers().combined("Signature").orElse(""));
        } catch (IllegalArgumentException e) {
            return List.of(new Refused("Signature-Input or Signature is malformed: " + e.getMessage()));
        }
        List<Candidate> found = new ArrayList<>();
        inputs.forEach((label, input) -> found.add(examine(label, input, signatures.get(label), request, window)));
        return found;
    }

    private static Candidate examine(String label, Member input, Member signature, IncomingRequest request,
            TimeWindow window) {
        try {
            if (!(input instanceof InnerList signatureParams)) {
                throw new SignatureRejectedException("Signature-Input " + label + " is not a list of components");
            }
            if (!(signature instanceof Item(ByteSequence signatureBytes, var _))) {
                throw new SignatureRejectedException("Signature has no byte sequence for " + label);
            }
            String keyId = signatureParams.stringParameter("keyid").orElseThrow(
                    () -> new SignatureRejectedException("signature " + label + " has no keyid"));
            SignatureAlgorithm algorithm = algorithm(label, signatureParams);
            List<String> components = componentNames(label, signatureParams);
            requireCoverage(label, components, request);
            checkTimes(label, signatureParams, window);
            if (components.contains("content-digest")) {
                BodyDigests.checkContentDigest(request.headers().combined("Content-Digest").orElseThrow(
                        () -> new SignatureRejectedException("the signed Content-Digest header is missing")),
                        request.body());
            }
            TargetUri target = TargetUri.of(request.targetUri());
            String base = SignatureBase.of(signatureParams, name -> componentValue(name, request, target));
            // servlet containers decode header bytes as ISO-8859-1: encoding back so restores the bytes that were signed
            return new Plausible(keyId, Scheme.RFC_9421, algorithm, base.getBytes(StandardCharsets.ISO_8859_1),
                    signatureBytes.bytes());
        } catch (SignatureRejectedException e) {
            return new Refused(e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Refused("signature " + label + ": " + e.getMessage());
        }
    }

    /** Without an {@code alg} parameter the key decides (§3.2); the fediverse's keys are RSA, signed so. */
    private static SignatureAlgorithm algorithm(String label, InnerList signatureParams)
            throws SignatureRejectedException {
        if (signatureParams.parameters().containsKey("alg") && signatureParams.stringParameter("alg").isEmpty()) {
            throw new SignatureRejectedException("signature " + label + " has an alg that is not a string");
        }
        String alg = signatureParams.stringParameter("alg").orElse("rsa-v1_5-sha256");
        return switch (alg) {
            case "rsa-v1_5-sha256" -> SignatureAlgorithm.RSA_PKCS1_SHA256;
            case "rsa-pss-sha512" -> SignatureAlgorithm.RSA_PSS_SHA512;
            default -> throw new SignatureRejectedException("unsupported signature algorithm " + alg);
        };
    }

    /** Component parameters ({@code ;sf}, {@code ;key}, {@code ;req}…) select forms we do not produce: refused. */
    private static List<String> componentNames(String label, InnerList signatureParams)
            throws SignatureRejectedException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item component : signatureParams.items()) {
            if (!(component.value() instanceof String name)) {
                throw new SignatureRejectedException("signature " + label + " lists a component that is not a string");
            }
            if (!component.parameters().isEmpty()) {
                throw new SignatureRejectedException(
                        "signature " + label + " uses unsupported component parameters on " + name);
            }
            if (!seen.add(name)) {
                throw new SignatureRejectedException("signature " + label + " lists " + name + " twice");
            }
            names.add(name);
        }
        return names;
    }

    /** Without these, a signature could be replayed with another method, on another URI or with another body. */
    private static void requireCoverage(String label, List<String> components, IncomingRequest request)
            throws SignatureRejectedException {
        if (!components.contains("@method")) {
            throw new SignatureRejectedException("signature " + label + " does not cover @method");
        }
        if (!components.contains("@target-uri") && !(components.contains("@authority") && components.contains("@path"))) {
            throw new SignatureRejectedException(
                    "signature " + label + " covers neither @target-uri nor @authority and @path");
        }
        if (request.hasBody() && !components.contains("content-digest")) {
            throw new SignatureRejectedException(
                    "the request has a body but signature " + label + " does not cover content-digest");
        }
    }

    private static void checkTimes(String label, InnerList signatureParams, TimeWindow window)
            throws SignatureRejectedException {
        long created = signatureParams.integerParameter("created").orElseThrow(
                () -> new SignatureRejectedException("signature " + label + " has no created time"));
        window.requireRecent(Instant.ofEpochSecond(created), "created");
        if (signatureParams.parameters().containsKey("expires")) {
            long expires = signatureParams.integerParameter("expires").orElseThrow(
                    () -> new SignatureRejectedException("signature " + label + " has an expires that is not a time"));
            window.requireNotExpired(Instant.ofEpochSecond(expires));
        }
    }

    /** RFC 9421 §2.1 and §2.2: header fields by their lowercase names, derived components by their @-names. */
    private static String componentValue(String name, IncomingRequest request, TargetUri target) {
        return switch (name) {
            case "@method" -> request.method();
            case "@target-uri" -> target.uri();
            case "@authority" -> target.normalizedAuthority();
            case "@scheme" -> target.scheme();
            case "@request-target" -> target.pathAndQuery();
            case "@path" -> target.path();
            case "@query" -> target.queryComponent();
            default -> {
                if (name.startsWith("@")) {
                    throw new IllegalArgumentException("unsupported derived component " + name);
                }
                if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("component names are lowercase, not " + name);
                }
                yield request.headers().combined(name)
                        .orElseThrow(() -> new IllegalArgumentException("the signed header " + name + " is missing"));
            }
        };
    }
}
