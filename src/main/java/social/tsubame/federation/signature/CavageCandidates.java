package social.tsubame.federation.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;

import social.tsubame.federation.signature.Candidate.Plausible;
import social.tsubame.federation.signature.Candidate.Refused;
import social.tsubame.federation.signature.VerifiedSignature.Scheme;

/** Finds the draft-cavage signatures on a request and checks all they claim except the signature itself. */
final class CavageCandidates {

    private static final String AUTHORIZATION_SCHEME = "signature ";

    private CavageCandidates() {
    }

    static List<Candidate> find(IncomingRequest request, TimeWindow window) {
        List<Candidate> found = new ArrayList<>();
        // with Signature-Input present, Signature holds RFC 9421 signatures instead
        if (request.headers().values("Signature-Input").isEmpty()) {
            for (String value : request.headers().values("Signature")) {
                found.add(examine(value, request, window));
            }
        }
        for (String value : request.headers().values("Authorization")) {
            if (value.toLowerCase(Locale.ROOT).startsWith(AUTHORIZATION_SCHEME)) {
                found.add(examine(value.substring(AUTHORIZATION_SCHEME.length()), request, window));
            }
        }
        return found;
    }

    private static Candidate examine(String value, IncomingRequest request, TimeWindow window) {
        try {
            CavageSignature signature = CavageSignature.parse(value);
            SignatureAlgorithm algorithm = algorithm(signature.algorithm());
            requireCoverage(signature.headers(), request);
            checkTimes(signature, request.headers(), window);
            if (signature.headers().contains("digest")) {
                BodyDigests.checkDigest(request.headers().combined("Digest").orElseThrow(
                        () -> new SignatureRejectedException("the signed Digest header is missing")), request.body());
            }
            String signingString = CavageSigningString.of(signedValues(signature, request));
            // servlet containers decode header bytes as ISO-8859-1: encoding back so restores the signed bytes
            return new Plausible(signature.keyId(), Scheme.DRAFT_CAVAGE, algorithm,
                    signingString.getBytes(StandardCharsets.ISO_8859_1), signature.signature());
        } catch (SignatureRejectedException e) {
            return new Refused(e.getMessage());
        }
    }

    /**
     * hs2019 leaves the algorithm to the key; for the RSA keys of the fediverse, Mastodon and the others sign it as
     * rsa-sha256. A signature naming none is read the same way.
     */
    private static SignatureAlgorithm algorithm(String name) throws SignatureRejectedException {
        if (name == null) {
            return SignatureAlgorithm.RSA_PKCS1_SHA256;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rsa-sha256", "hs2019" -> SignatureAlgorithm.RSA_PKCS1_SHA256;
            default -> throw new SignatureRejectedException("unsupported signature algorithm " + name);
        };
    }

    /** Without these, a signature could be replayed on another path, host or day, or with another body. */
    private static void requireCoverage(List<String> signed, IncomingRequest request) throws SignatureRejectedException {
        if (!signed.contains("(request-target)")) {
            throw new SignatureRejectedException("the signature does not cover (request-target)");
        }
        if (!signed.contains("host")) {
            throw new SignatureRejectedException("the signature does not cover host");
        }
        if (!signed.contains("date") && !signed.contains("(created)")) {
            throw new SignatureRejectedException("the signature covers neither date nor (created)");
        }
        if (request.hasBody() && !signed.contains("digest")) {
            throw new SignatureRejectedException("the request has a body but the signature does not cover digest");
        }
    }

    private static void checkTimes(CavageSignature signature, HeaderFields headers, TimeWindow window)
            throws SignatureRejectedException {
        if (signature.headers().contains("date")) {
            String date = headers.combined("Date")
                    .orElseThrow(() -> new SignatureRejectedException("the signed Date header is missing"));
            window.requireRecent(HttpDates.parse(date)
                    .orElseThrow(() -> new SignatureRejectedException("Date is not an HTTP date: " + date)), "Date");
        }
        if (signature.headers().contains("(created)")) {
            if (signature.created() == null) {
                throw new SignatureRejectedException("the signature covers (created) but has no created parameter");
            }
            window.requireRecent(Instant.ofEpochSecond(signature.created()), "created");
        }
        if (signature.expires() != null) {
            window.requireNotExpired(Instant.ofEpochSecond(signature.expires()));
        }
    }

    private static SequencedMap<String, String> signedValues(CavageSignature signature, IncomingRequest request)
            throws SignatureRejectedException {
        TargetUri target = TargetUri.of(request.targetUri());
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (String name : signature.headers()) {
            String value = switch (name) {
                case "(request-target)" -> CavageSigningString.requestTarget(request.method(), target);
                case "(created)" -> signature.created().toString();
                case "(expires)" -> {
                    if (signature.expires() == null) {
                        throw new SignatureRejectedException(
                                "the signature covers (expires) but has no expires parameter");
                    }
                    yield signature.expires().toString();
                }
                // The signed host must be us: a request signed for another server must not replay here. HTTP/2
                // carries no Host header, only :authority, which the server already made part of the target URI.
                case "host" -> {
                    String host = request.headers().combined("Host").orElse(target.authority());
                    if (!host.equalsIgnoreCase(target.authority())) {
                        throw new SignatureRejectedException("the request was signed for " + host + ", not for "
                                + target.authority());
                    }
                    yield target.authority();
                }
                default -> request.headers().combined(name)
                        .orElseThrow(() -> new SignatureRejectedException("the signed header " + name + " is missing"));
            };
            if (values.put(name, value) != null) {
                throw new SignatureRejectedException("the signature lists " + name + " twice");
            }
        }
        return values;
    }
}
