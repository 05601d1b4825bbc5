package social.tsubame.federation.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RemoteHtmlTest {

    @Test
    void scriptsStylesAndHandlersAreRemoved() {
        String clean = RemoteHtml.sanitize("<p onclick=\"steal()\">hi<script>alert(1)</script>"
                + "<img src=x onerror=alert(1)><style>body{display:none}</style><iframe src=\"https://evil\"></iframe></p>");
        assertThat(clean).isEqualTo("<p>hi</p>");
    }

    @Test
    void mentionsHashtagsAndMicroformatsKeepTheirClassesOthersLoseThem() {
        String clean = RemoteHtml.sanitize("<p><span class=\"h-card\"><a href=\"https://a.example/@bob\" "
                + "class=\"u-url mention modal-overlay\">@<span>bob</span></a></span> "
                + "<a href=\"https://a.example/tags/tea\" class=\"mention hashtag\" rel=\"tag\">#tea</a> "
                + "<span class=\"column-header\">fake</span></p>");
        assertThat(clean).contains("class=\"h-card\"").contains("class=\"u-url mention\"")
                .contains("class=\"mention hashtag\"").doesNotContain("modal-overlay").doesNotContain("column-header")
                .contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void onlyWebLinksSurvive() {
        assertThat(RemoteHtml.sanitize("<a href=\"javascript:alert(1)\">x</a>")).doesNotContain("javascript");
        assertThat(RemoteHtml.httpUrl(Optional.of("javascript:alert(1)"))).isEmpty();
        assertThat(RemoteHtml.httpUrl(Optional.of("https://a.example/@bob"))).contains("https://a.example/@bob");
    }
}
