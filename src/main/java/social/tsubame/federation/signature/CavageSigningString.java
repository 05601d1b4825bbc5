package social.tsubame.federation.signature;

import java.util.Locale;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/** What a draft-cavage signature signs: one {@code name: value} line per signed header, in the signature's order. */
final class CavageSigningString {

    private CavageSigningString() {
    }

    /** @param values the lowercase names of the signed headers and pseudo-headers, each with its value */
    static String of(SequencedMap<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The {@code (request-target)} pseudo-header: {@code post /inbox}. */
    static String requestTarget(String method, TargetUri target) {
        return method.toLowerCase(Locale.ROOT) + " " + target.pathAndQuery();
    }
}
