package social.tsubame.federation.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header fields of a request, each name with the values of its field lines in the order they arrived. Names are
 * kept lowercase, since HTTP compares them without regard to case.
 */
public record HeaderFields(Map<String, List<String>> fields) {

    public HeaderFields {
        TreeMap<String, List<String>> byName = new TreeMap<>();
        fields.forEach((name, values) -> byName.computeIfAbsent(lowercase(name), _ -> new ArrayList<>())
                .addAll(values.stream().map(Objects::requireNonNull).toList()));
        byName.replaceAll((_, values) -> List.copyOf(values));
        fields = Collections.unmodifiableSortedMap(byName);
    }

    public static HeaderFields empty() {
        return new HeaderFields(Map.of());
    }

    /** A copy with one more field line; earlier lines of the same name keep their place before it. */
    public HeaderFields with(String name, String value) {
        Map<String, List<String>> more = new TreeMap<>(fields);
        more.merge(lowercase(name), List.of(value), (before, added) -> {
            List<String> all = new ArrayList<>(before);
            all.addAll(added);
            return all;
        });
        return new HeaderFields(more);
    }

    public List<String> values(String name) {
        return fields.getOrDefault(lowercase(name), List.of());
    }

    /**
     * The field value as HTTP combines several lines of one field (RFC 9110 §5.3): each line trimmed, joined with
     * {@code ", "}. Both signature schemes sign this form.
     */
    public Optional<String> combined(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", values.stream().map(String::strip).toList()));
    }

    private static String lowercase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
