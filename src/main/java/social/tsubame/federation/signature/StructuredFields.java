package social.tsubame.federation.signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Collectors;

/**
 * Structured Field Values (RFC 8941), the syntax of {@code Signature-Input}, {@code Signature} and
 * {@code Content-Digest}, and how to write them. Bare items are Java values: {@link String} for strings,
 * {@link Long} for integers, {@link BigDecimal} for decimals, {@link Boolean}, {@link Token} and
 * {@link ByteSequence}.
 */
final class StructuredFields {

    private StructuredFields() {
    }

    /** A dictionary's or a list's member. */
    sealed interface Member permits Item, InnerList {

        SequencedMap<String, Object> parameters();

        default Optional<String> stringParameter(String name) {
            return parameters().get(name) instanceof String string ? Optional.of(string) : Optional.empty();
        }

        default Optional<Long> integerParameter(String name) {
            return parameters().get(name) instanceof Long integer ? Optional.of(integer) : Optional.empty();
        }
    }

    record Item(Object value, SequencedMap<String, Object> parameters) implements Member {

        Item {
            Objects.requireNonNull(value);
            parameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        }

        Item(Object value) {
            this(value, new LinkedHashMap<>());
        }
    }

    record InnerList(List<Item> items, SequencedMap<String, Object> parameters) implements Member {

        InnerList {
            items = List.copyOf(items);
            parameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        }
    }

    record Token(String value) {
    }

    record ByteSequence(byte[] bytes) {

        ByteSequence {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteSequence that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return ":" + Base64.getEncoder().encodeToString(bytes) + ":";
        }
    }

    static String serializeDictionary(SequencedMap<String, ? extends Member> dictionary) {
        return dictionary.entrySet().stream()
                .map(entry -> entry.getValue() instanceof Item(Boolean value, var parameters) && value
                        ? entry.getKey() + serializeParameters(parameters)
                        : entry.getKey() + "=" + serialize(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String serialize(Member member) {
        return switch (member) {
            case Item item -> serializeBareItem(item.value()) + serializeParameters(item.parameters());
            case InnerList list -> list.items().stream().map(StructuredFields::serialize)
                    .collect(Collectors.joining(" ", "(", ")")) + serializeParameters(list.parameters());
        };
    }

    private static String serializeParameters(Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(serializeBareItem(value));
            }
        });
        return out.toString();
    }

    private static String serializeBareItem(Object value) {
        return switch (value) {
            case String string -> serializeString(string);
            case Long integer -> integer.toString();
            case BigDecimal decimal -> serializeDecimal(decimal);
            case Boolean bool -> bool ? "?1" : "?0";
            case Token token -> token.value();
            case ByteSequence bytes -> bytes.toString();
            default -> throw new IllegalArgumentException("not a structured field value: " + value);
        };
    }

    private static String serializeString(String string) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : string.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a structured field string holds printable ASCII only");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** RFC 8941 §4.1.5: at most three fractional digits, at least one. */
    private static String serializeDecimal(BigDecimal decimal) {
        BigDecimal rounded = decimal.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.setScale(1).toPlainString() : rounded.toPlainString();
    }
}
