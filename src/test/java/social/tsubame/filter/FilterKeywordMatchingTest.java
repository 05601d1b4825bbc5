package social.tsubame.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import social.tsubame.filter.CustomFilter.FilterKeyword;
import social.tsubame.filter.CustomFilter.FilteredStatus;

class FilterKeywordMatchingTest {

    @Test
    void aWholeWordKeywordMatchesOnlyAWholeWordWhateverItsCase() {
        assertThat(KeywordPattern.of("cat", true).matcher("A CAT sat").find()).isTrue();
        assertThat(KeywordPattern.of("cat", true).matcher("concatenate").find()).isFalse();
        assertThat(KeywordPattern.of("cat", false).matcher("concatenate").find()).isTrue();
    }

    @Test
    void aKeywordEndingInPunctuationIsBoundedOnlyWhereItHasWordCharacters() {
        assertThat(KeywordPattern.of("#Tag", true).matcher("about #tag.").find()).isTrue();
        assertThat(KeywordPattern.of("c++", true).matcher("I like c++!").find()).isTrue();
        assertThat(KeywordPattern.of("c++", true).matcher("abc++").find()).isFalse();
    }

    @Test
    void statusesMatchOnTheirTextWithoutMarkupAndOnTheirContentWarning() {
        CustomFilter filter = new CustomFilter(1, 1, "f", Set.of(FilterContext.HOME), FilterAction.WARN, null,
                List.of(new FilterKeyword(2, 1, "spoiler", true), new FilterKeyword(3, 1, "span", true)),
                List.of(new FilteredStatus(4, 1, 99)));
        ApplicableFilters filters = new ApplicableFilters(List.of(filter));

        assertThat(filters.match(5, "<p><span>a</span> plain post</p>", null)).isEmpty();
        assertThat(filters.match(5, "<p>nothing</p>", "Spoiler ahead").getFirst().keywordMatches())
                .containsExactly("spoiler");
        assertThat(filters.match(99, "<p>nothing</p>", "").getFirst().statusMatches()).containsExactly("99");
        assertThat(filter.activeAt(Instant.now())).isTrue();
    }
}
