package social.tsubame.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;

/** How pages write what they show outside markup: dates, and text made from HTML for link previews. */
final class PageFormats {

    /** Long enough for a preview card's text, short enough that no card cuts it off mid-word somewhere odd. */
    static final int DESCRIPTION_LENGTH = 300;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PageFormats() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** The words of stored (sanitized) HTML without its markup, {@link #shortened}. */
    static String excerpt(String html) {
        return shortened(Jsoup.parseBodyFragment(html == null ? "" : html).text());
    }

    /** Plain text cut at a word to at most {@link #DESCRIPTION_LENGTH} characters. */
    static String shortened(String text) {
        String stripped = text.strip();
        if (stripped.length() <= DESCRIPTION_LENGTH) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
        return stripped.substring(0, cut > DESCRIPTION_LENGTH / 2 ? cut : DESCRIPTION_LENGTH - 1) + "…";
    }
}
