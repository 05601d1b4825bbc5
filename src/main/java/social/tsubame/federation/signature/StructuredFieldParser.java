package social.tsubame.federation.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import social.tsubame.federation.signature.StructuredFields.ByteSequence;
import social.tsubame.federation.signature.StructuredFields.InnerList;
import social.tsubame.federation.signature.StructuredFields.Item;
import social.tsubame.federation.signature.StructuredFields.Member;
import social.tsubame.federation.signature.StructuredFields.Token;

/**
 * Parses Structured Field Values as RFC 8941 §4.2 prescribes, strictly: anything outside the grammar fails with
 * {@link IllegalArgumentException}, since a lenient reading of a signature's inputs could verify something other
 * than what was signed.
 */
final class StructuredFieldParser {

    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMAL_INTEGER_DIGITS = 12;
    private static final int MAX_DECIMAL_FRACTION_DIGITS = 3;

    private final String input;
    private int position;

    private StructuredFieldParser(String input) {
        this.input = input;
    }

    /** A dictionary; a key given twice keeps its first place and its last value, as §4.2.2 says. */
    static SequencedMap<String, Member> parseDictionary(String field) {
        StructuredFieldParser parser = new StructuredFieldParser(field);
        parser.skipSpaces();
        SequencedMap<String, Member> dictionary = parser.dictionary();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the dictionary");
        }
        return dictionary;
    }

    private SequencedMap<String, Member> dictionary() {
        SequencedMap<String, Member> dictionary = new LinkedHashMap<>();
        while (!atEnd()) {
            String key = key();
            Member member;
            if (peek() == '=') {
                position++;
                member = itemOrInnerList();
            } else {
                member = new Item(true, parameters());
            }
            dictionary.put(key, member);
            skipOptionalWhitespace();
            if (atEnd()) {
                return dictionary;
            }
            expect(',');
            skipOptionalWhitespace();
            if (atEnd()) {
                throw error("trailing comma");
            }
        }
        return dictionary;
    }

    private Member itemOrInnerList() {
        return peek() == '(' ? innerList() : item();
    }

    private InnerList innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (!atEnd()) {
            skipSpaces();
            if (peek() == ')') {
                position++;
                return new InnerList(items, parameters());
            }
            items.add(item());
            if (atEnd()) {
                break;
            }
            if (peek() != ' ' && peek() != ')') {
                throw error("expected a space or ')' in an inner list");
            }
        }
        throw error("unterminated inner list");
    }

    private Item item() {
        return new Item(bareItem(), parameters());
    }

    private SequencedMap<String, Object> parameters() {
        SequencedMap<String, Object> parameters = new LinkedHashMap<>();
        while (peek() == ';') {
            position++;
            skipSpaces();
            String key = key();
            Object value = true;
            if (peek() == '=') {
                position++;
                value = bareItem();
            }
            parameters.put(key, value);
        }
        return parameters;
    }

    private Object bareItem() {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        if (isAlpha(c) || c == '*') {
            return token();
        }
        throw error("expected a value");
    }

    private String key() {
        char first = peek();
        if (!isLowercaseAlpha(first) && first != '*') {
            throw error("expected a key (lowercase letter or '*')");
        }
        int start = position;
        while (!atEnd() && isKeyChar(input.charAt(position))) {
            position++;
        }
        return input.substring(start, position);
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (!isDigit(peek())) {
            throw error("expected a digit");
        }
        int integerDigits = 0;
        int fractionDigits = -1;
        while (!atEnd()) {
            char c = input.charAt(position);
            if (isDigit(c)) {
                if (fractionDigits >= 0) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
            } else if (c == '.' && fractionDigits < 0) {
                if (integerDigits > MAX_DECIMAL_INTEGER_DIGITS) {
                    throw error("decimal too long");
                }
                fractionDigits = 0;
            } else {
                break;
            }
            position++;
        }
        String text = input.substring(start, position);
        if (fractionDigits < 0) {
            if (integerDigits > MAX_INTEGER_DIGITS) {
                throw error("integer too long");
            }
            return Long.parseLong(text);
        }
        if (fractionDigits == 0 || fractionDigits > MAX_DECIMAL_FRACTION_DIGITS) {
            throw error("a decimal needs one to three fractional digits");
        }
        return new BigDecimal(text);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(position++);
            if (c == '\\') {
                char escaped = peek();
                if (escaped != '"' && escaped != '\\') {
                    throw error("only '\"' and '\\' may be escaped");
                }
                out.append(escaped);
                position++;
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw error("a string holds printable ASCII only");
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Token token() {
        int start = position;
        position++;
        while (!atEnd() && isTokenChar(input.charAt(position))) {
            position++;
        }
        return new Token(input.substring(start, position));
    }

    private ByteSequence byteSequence() {
        expect(':');
        int end = input.indexOf(':', position);
        if (end < 0) {
            throw error("unterminated byte sequence");
        }
        String base64 = input.substring(position, end);
        if (!base64.chars().allMatch(c -> isAlpha((char) c) || isDigit((char) c) || c == '+' || c == '/' || c == '=')) {
            throw error("a byte sequence holds base64 only");
        }
        position = end + 1;
        try {
            return new ByteSequence(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw error("a byte sequence holds base64 only");
        }
    }

    private Boolean bool() {
        expect('?');
        char c = peek();
        if (c != '0' && c != '1') {
            throw error("a boolean is ?0 or ?1");
        }
        position++;
        return c == '1';
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    /** The character at the current position, or NUL at the end, which no rule accepts. */
    private char peek() {
        return atEnd() ? '\0' : input.charAt(position);
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            position++;
        }
    }

    private void skipOptionalWhitespace() {
        while (peek() == ' ' || peek() == '\t') {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + position + " of: " + input);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLowercaseAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAlpha(char c) {
        return isLowercaseAlpha(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isKeyChar(char c) {
        return isLowercaseAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    /** RFC 9110 tchar, plus ':' and '/' which RFC 8941 tokens also allow. */
    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
    }
}
