package social.tsubame.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    @Test
    void namesMatchWhateverTheirCase() {
        HeaderFields headers = new HeaderFields(Map.of("Content-Type", List.of("application/activity+json")));

        assertThat(headers.values("content-type")).containsExactly("application/activity+json");
        assertThat(headers.combined("CONTENT-TYPE")).contains("application/activity+json");
    }

    @Test
    void linesOfOneFieldKeepTheirOrderWhateverTheCaseOfTheirNames() {
        HeaderFields headers = HeaderFields.empty()
                .with("Cache-Control", "max-age=60")
                .with("cache-control", "   must-revalidate  ");

        assertThat(headers.values("Cache-Control")).containsExactly("max-age=60", "   must-revalidate  ");
        assertThat(headers.combined("cache-control")).contains("max-age=60, must-revalidate");
    }

    @Test
    void anAbsentFieldHasNoValue() {
        assertThat(HeaderFields.empty().values("Digest")).isEmpty();
        assertThat(HeaderFields.empty().combined("Digest")).isEmpty();
    }

    @Test
    void equalFieldsAreEqualWhateverTheCaseOfTheirNames() {
        assertThat(new HeaderFields(Map.of("Host", List.of("a.example"))))
                .isEqualTo(new HeaderFields(Map.of("host", List.of("a.example"))));
    }
}
