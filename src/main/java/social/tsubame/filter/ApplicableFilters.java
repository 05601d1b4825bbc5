package social.tsubame.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import social.tsubame.filter.CustomFilter.FilterKeyword;

/** The filters one viewer has in force in one context, with their keywords compiled once for a page. */
public final class ApplicableFilters {

    public static final ApplicableFilters NONE = new ApplicableFilters(List.of());

    private record CompiledKeyword(FilterKeyword keyword, Pattern pattern) {
    }

    private record Compiled(CustomFilter filter, List<CompiledKeyword> keywords) {
    }

    private final List<Compiled> filters;
    private final Instant firstExpiry;

    ApplicableFilters(List<CustomFilter> filters) {
        this.filters = filters.stream().map(filter -> new Compiled(filter, filter.keywords().stream()
                .map(keyword -> new CompiledKeyword(keyword, KeywordPattern.of(keyword.keyword(),
                        keyword.wholeWord()))).toList())).toList();
        this.firstExpiry = filters.stream().map(CustomFilter::expiresAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /** Whether one of these filters has expired by {@code now}, so that a reader keeping them must load them again. */
    public boolean staleAt(Instant now) {
        return firstExpiry != null && !firstExpiry.isAfter(now);
    }

    /** The text keywords are looked for in: the content warning and the content without markup, as a reader sees. */
    public static String readableText(String contentHtml, String spoilerText) {
        return (spoilerText == null ? "" : spoilerText) + "\n"
                + (contentHtml == null ? "" : Jsoup.parse(contentHtml).text());
    }

    /** @param contentHtml the status's HTML content, matched as the text a reader sees */
    public List<FilterMatch> match(long statusId, String contentHtml, String spoilerText) {
        if (filters.isEmpty()) {
            return List.of();
        }
        return matchText(statusId, readableText(contentHtml, spoilerText));
    }

    /** Matches a status whose {@link #readableText} was made once for several viewers. */
    public List<FilterMatch> matchText(long statusId, String text) {
        if (filters.isEmpty()) {
            return List.of();
        }
        List<FilterMatch> matches = new ArrayList<>();
        for (Compiled compiled : filters) {
            List<String> keywords = compiled.keywords().stream()
                    .filter(keyword -> keyword.pattern().matcher(text).find())
                    .map(keyword -> keyword.keyword().keyword()).toList();
            List<String> statuses = compiled.filter().statuses().stream()
                    .filter(status -> status.statusId() == statusId)
                    .map(status -> Long.toString(status.statusId())).toList();
            if (!keywords.isEmpty() || !statuses.isEmpty()) {
                matches.add(new FilterMatch(compiled.filter(), keywords, statuses));
            }
        }
        return matches;
    }
}
