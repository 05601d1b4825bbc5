package social.tsubame.federation.mapping;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML from other servers before it is stored: text formatting, links, mentions and hashtags survive; scripts,
 * styles, embeds and event handlers do not. Links get {@code rel="nofollow noopener noreferrer"} and leave in a new tab.
 */
public final class RemoteHtml {

    private static final Safelist ALLOWED = Safelist.none()
            .addTags("p", "br", "span", "a", "del", "s", "pre", "code", "em", "strong", "b", "i", "u", "ul", "ol",
                    "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
            .addAttributes("a", "href", "rel", "class", "translate")
            .addAttributes("span", "class", "translate")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("li", "value")
            .addProtocols("a", "href", "http", "https", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "xmpp",
                    "magnet", "gemini")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private RemoteHtml() {
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT);
    }
}
