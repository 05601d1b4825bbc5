package social.tsubame.status;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import social.tsubame.core.Uris;

/**
 * Renders what a local user typed as the HTML other servers and apps show: text escaped, paragraphs and line breaks
 * kept, links, hashtags and mentions made clickable the way Mastodon marks them up.
 */
@Component
public class LocalTextToHtml {

    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");
    static final Pattern HASHTAG = Pattern.compile("(?<=^|[^\\p{L}\\p{N}_/&])#([\\p{L}\\p{N}_]*[\\p{L}_][\\p{L}\\p{N}_]*)");
    private static final Pattern TOKEN = Pattern.compile(URL.pattern() + "|" + HASHTAG.pattern() + "|"
            + Mentions.HANDLE.pattern());

    private final Uris uris;

    public LocalTextToHtml(Uris uris) {
        this.uris = uris;
    }

    /**
     * @param mentions profile URLs of the mentioned accounts, by handle as written (without the {@code @}); other
     *                 handles stay text
     */
    public String render(String text, Map<String, String> mentions) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(renderLines(paragraph, mentions)).append("</p>");
        }
        return html.toString();
    }

    private String renderLines(String paragraph, Map<String, String> mentions) {
        StringBuilder out = new StringBuilder();
        String[] lines = paragraph.split("\\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(renderTokens(lines[i], mentions));
        }
        return out.toString();
    }

    private String renderTokens(String line, Map<String, String> mentions) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = TOKEN.matcher(line);
        int last = 0;
        while (matcher.find()) {
            out.append(HtmlUtils.htmlEscape(line.substring(last, matcher.start())));
            String token = matcher.group();
            if (token.startsWith("@")) {
                String profile = mentions.get(token.substring(1));
                out.append(profile == null ? HtmlUtils.htmlEscape(token) : mention(token.substring(1), profile));
            } else {
                out.append(token.startsWith("#") ? hashtag(token.substring(1)) : link(token));
            }
            last = matcher.end();
        }
        out.append(HtmlUtils.htmlEscape(line.substring(last)));
        return out.toString();
    }

    private String link(String url) {
        String escaped = HtmlUtils.htmlEscape(url);
        return "<a href=\"" + escaped + "\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">" + escaped + "</a>";
    }

    private static String mention(String handle, String profileUrl) {
        String username = handle.contains("@") ? handle.substring(0, handle.indexOf('@')) : handle;
        return "<span class=\"h-card\" translate=\"no\"><a href=\"" + HtmlUtils.htmlEscape(profileUrl)
                + "\" class=\"u-url mention\">@<span>" + HtmlUtils.htmlEscape(username) + "</span></a></span>";
    }

    private String hashtag(String tag) {
        String escaped = HtmlUtils.htmlEscape(tag);
        return "<a href=\"" + uris.tag(tag.toLowerCase(Locale.ROOT)) + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + escaped + "</span></a>";
    }

    /** How long a text counts: every link counts as 23 characters, whatever its length, as on Mastodon. */
    public static int countedLength(String text) {
        Matcher matcher = URL.matcher(text);
        int length = text.codePointCount(0, text.length());
        while (matcher.find()) {
            String url = matcher.group();
            length += 23 - url.codePointCount(0, url.length());
        }
        return length;
    }
}
