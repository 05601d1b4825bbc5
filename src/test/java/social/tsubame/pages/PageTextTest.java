package social.tsubame.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import social.tsubame.instance.PublicDomainBlocks;

class PageTextTest {

    @Test
    void previewTextIsTheWordsOfThePostCutAtAWord() {
        assertThat(PageFormats.excerpt("<p>Hello <a href=\"https://x.example\">world</a></p><p>again</p>"))
                .isEqualTo("Hello world again");
        String longText = "<p>" + "swallow ".repeat(60) + "</p>";
        String excerpt = PageFormats.excerpt(longText);
        assertThat(excerpt).hasSizeLessThanOrEqualTo(PageFormats.DESCRIPTION_LENGTH).endsWith("swallow…");
        assertThat(PageFormats.shortened("a < b & c")).isEqualTo("a < b & c");
    }

    @Test
    void aMaskedDomainKeepsTheEndsOfEachLabel() {
        assertThat(PublicDomainBlocks.masked("spammy.example.com")).isEqualTo("s****y.e*****e.c*m");
        assertThat(PublicDomainBlocks.masked("ab.io")).isEqualTo("ab.io");
    }
}
