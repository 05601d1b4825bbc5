package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import social.tsubame.federation.signature.StructuredFields.ByteSequence;
import social.tsubame.federation.signature.StructuredFields.InnerList;
import social.tsubame.federation.signature.StructuredFields.Item;
import social.tsubame.federation.signature.StructuredFields.Member;
import social.tsubame.federation.signature.StructuredFields.Token;

/** Reading and writing RFC 8941 structured fields, as Signature-Input, Signature and Content-Digest use them. */
class StructuredFieldParserTest {

    @Test
    void readsASignatureInput() {
        SequencedMap<String, Member> dictionary = StructuredFieldParser.parseDictionary(
                "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1618884475;"
                        + "keyid=\"https://a.example/users/alice#main-key\";alg=\"rsa-v1_5-sha256\"");

        assertThat(dictionary).containsOnlyKeys("sig1");
        InnerList input = (InnerList) dictionary.get("sig1");
        assertThat(input.items()).extracting(Item::value).containsExactly("@method", "@target-uri", "content-digest");
        assertThat(input.parameters()).containsExactly(
                Map.entry("created", 1618884475L),
                Map.entry("keyid", "https://a.example/users/alice#main-key"),
                Map.entry("alg", "rsa-v1_5-sha256"));
        assertThat(input.integerParameter("created")).contains(1618884475L);
        assertThat(input.stringParameter("keyid")).contains("https://a.example/users/alice#main-key");
        assertThat(input.stringParameter("created")).isEmpty();
    }

    @Test
    void readsByteSequences() {
        SequencedMap<String, Member> dictionary =
                StructuredFieldParser.parseDictionary("sig1=:aGVsbG8=:, sig2=:d29ybGQ:");

        assertThat(dictionary.get("sig1")).isEqualTo(new Item(new ByteSequence("hello".getBytes(StandardCharsets.US_ASCII))));
        assertThat(dictionary.get("sig2")).isEqualTo(new Item(new ByteSequence("world".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void readsEveryKindOfBareItem() {
        SequencedMap<String, Member> dictionary = StructuredFieldParser.parseDictionary(
                "int=-42, dec=3.14, str=\"say \\\"hi\\\" \\\\ bye\", tok=foo/bar:baz, yes=?1, no=?0, bare;p=*x, "
                        + "empty=()");

        assertThat(dictionary.get("int")).isEqualTo(new Item(-42L));
        assertThat(dictionary.get("dec")).isEqualTo(new Item(new BigDecimal("3.14")));
        assertThat(dictionary.get("str")).isEqualTo(new Item("say \"hi\" \\ bye"));
        assertThat(dictionary.get("tok")).isEqualTo(new Item(new Token("foo/bar:baz")));
        assertThat(dictionary.get("yes")).isEqualTo(new Item(true));
        assertThat(dictionary.get("no")).isEqualTo(new Item(false));
        assertThat(dictionary.get("bare")).isEqualTo(new Item(true, new LinkedHashMap<>(Map.of("p", new Token("*x")))));
        assertThat(dictionary.get("empty")).isEqualTo(new InnerList(List.of(), new LinkedHashMap<>()));
    }

    @Test
    void toleratesWhitespaceWhereTheGrammarAllowsIt() {
        SequencedMap<String, Member> dictionary =
                StructuredFieldParser.parseDictionary("  a=( 1  2 );  x=1 ,\tb=2  ");

        assertThat(((InnerList) dictionary.get("a")).items()).extracting(Item::value).containsExactly(1L, 2L);
        assertThat(dictionary.get("a").integerParameter("x")).contains(1L);
        assertThat(dictionary.get("b")).isEqualTo(new Item(2L));
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValue() {
        assertThat(StructuredFieldParser.parseDictionary("a=1, b=2, a=3"))
                .containsExactly(Map.entry("a", new Item(3L)), Map.entry("b", new Item(2L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sig1=(\"@method\"",
            "sig1=\"unterminated",
            "a=1,",
            "a=1 b=2",
            "Sig1=1",
            "a=\"bad \\n escape\"",
            "a=\"caf\u00e9\"",
            "a=1234567890123456",
            "a=1.2345",
            "a=1.",
            "a=:not base64!:",
            "a=?2",
            "a=(1 2)x",
            "a=@1659578233",
    })
    void refusesWhatTheGrammarDoesNot(String field) {
        assertThatThrownBy(() -> StructuredFieldParser.parseDictionary(field))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesWhatItReads() {
        String field = "sig1=(\"@method\" \"@target-uri\" \"a \\\"b\\\"\";x);created=1;keyid=\"k\";d=1.5;t=tok;f=?0;"
                + "flag, sig2=:aGVsbG8=:, ok";

        assertThat(StructuredFields.serializeDictionary(StructuredFieldParser.parseDictionary(field))).isEqualTo(field);
    }

    @Test
    void writesCanonicalFormsOfWhatWasWrittenLoosely() {
        assertThat(StructuredFields.serializeDictionary(
                StructuredFieldParser.parseDictionary("a=(  \"x\"   \"y\" );  p=1.500")))
                .isEqualTo("a=(\"x\" \"y\");p=1.5");
    }
}
