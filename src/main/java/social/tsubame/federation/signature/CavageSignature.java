package social.tsubame.federation.signature;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a draft-cavage signature, as the {@code Signature} header (or {@code Authorization: Signature …})
 * carries them: {@code keyId="…",algorithm="rsa-sha256",headers="(request-target) host date",signature="…"}.
 *
 * @param algorithm as the sender named it, or null when it named none
 * @param headers   the signed headers' names, lowercase, in signing order
 * @param created   the {@code created} parameter in seconds since the epoch, or null
 * @param expires   the {@code expires} parameter in seconds since the epoch, or null
 */
record CavageSignature(String keyId, String algorithm, List<String> headers, byte[] signature, Long created,
        Long expires) {

    /** What Mastodon assumes when {@code headers} is absent; the older drafts said the same. */
    private static final List<String> DEFAULT_HEADERS = List.of("date");

    CavageSignature {
        headers = headers.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    static CavageSignature parse(String value) throws SignatureRejectedException {
        Map<String, String> parameters = parameters(value);
        String keyId = parameters.get("keyId");
        String signature = parameters.get("signature");
        if (keyId == null || keyId.isEmpty()) {
            throw new SignatureRejectedException("the signature has no keyId");
        }
        if (signature == null) {
            throw new SignatureRejectedException("the signature has no signature parameter");
        }
        String headers = parameters.get("headers");
        return new CavageSignature(
                keyId,
                parameters.get("algorithm"),
                headers == null ? DEFAULT_HEADERS : Arrays.asList(headers.strip().split(" +")),
                base64(signature),
                seconds(parameters, "created"),
                seconds(parameters, "expires"));
    }

    /** The value of a {@code Signature} header as this server signs: algorithm named, no created or expires. */
    String toHeaderValue() {
        return "keyId=\"" + keyId + "\",algorithm=\"" + algorithm + "\",headers=\"" + String.join(" ", headers)
                + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"";
    }

    /** {@code name="value"} pairs separated by commas; the draft knows no escaping, so a value ends at its quote. */
    private static Map<String, String> parameters(String value) throws SignatureRejectedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        int position = 0;
        while (position < value.length()) {
            char c = value.charAt(position);
            if (c == ' ' || c == ',' || c == '\t') {
                position++;
                continue;
            }
            int equals = value.indexOf('=', position);
            if (equals < 0) {
                throw new SignatureRejectedException("the signature is malformed: " + value);
            }
            String name = value.substring(position, equals).strip();
            int end;
            String parameter;
            if (equals + 1 < value.length() && value.charAt(equals + 1) == '"') {
                end = value.indexOf('"', equals + 2);
                if (end < 0) {
                    throw new SignatureRejectedException("the signature has an unterminated " + name);
                }
                parameter = value.substring(equals + 2, end);
                end++;
            } else {
                end = value.indexOf(',', equals);
                end = end < 0 ? value.length() : end;
                parameter = value.substring(equals + 1, end).strip();
            }
            if (parameters.put(name, parameter) != null) {
                throw new SignatureRejectedException("the signature gives " + name + " twice");
            }
            position = end;
        }
        return parameters;
    }

    private static byte[] base64(String signature) throws SignatureRejectedException {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("the signature is not valid base64");
        }
    }

    private static Long seconds(Map<String, String> parameters, String name) throws SignatureRejectedException {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SignatureRejectedException("the signature's " + name + " is not a number of seconds: " + value);
        }
    }
}
