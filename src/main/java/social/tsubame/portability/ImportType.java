package social.tsubame.portability;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an import brings in, named as Mastodon names it, with the columns of Mastodon's CSV file for it (a file may
 * leave out its header row; its columns are then these, in this order) and the scope a token needs to import it.
 */
public enum ImportType {

    FOLLOWING("following", "write:follows", List.of(Columns.ACCOUNT, Columns.SHOW_BOOSTS, Columns.NOTIFY,
            Columns.LANGUAGES)),
    BLOCKING("blocking", "write:blocks", List.of(Columns.ACCOUNT)),
    MUTING("muting", "write:mutes", List.of(Columns.ACCOUNT, Columns.HIDE_NOTIFICATIONS)),
    DOMAIN_BLOCKING("domain_blocking", "write:blocks", List.of(Columns.DOMAIN)),
    BOOKMARKS("bookmarks", "write:bookmarks", List.of(Columns.URI)),
    LISTS("lists", "write:lists", List.of(Columns.LIST_NAME, Columns.ACCOUNT)),
    /** Posts of an archive (a zip with {@code outbox.json}) of this server or Mastodon, not a CSV file. */
    ARCHIVE("archive", "write:statuses", List.of());

    /** Column names of Mastodon's files. */
    static final class Columns {
        static final String ACCOUNT = "Account address";
        static final String SHOW_BOOSTS = "Show boosts";
        static final String NOTIFY = "Notify on new posts";
        static final String LANGUAGES = "Languages";
        static final String HIDE_NOTIFICATIONS = "Hide notifications";
        static final String DOMAIN = "#domain";
        static final String URI = "#uri";
        static final String LIST_NAME = "List name";

        private Columns() {
        }
    }

    private final String wireName;
    private final String scope;
    private final List<String> columns;

    ImportType(String wireName, String scope, List<String> columns) {
        this.wireName = wireName;
        this.scope = scope;
        this.columns = columns;
    }

    public String wireName() {
        return wireName;
    }

    public String scope() {
        return scope;
    }

    List<String> columns() {
        return columns;
    }

    /** The column a row cannot do without, which also tells a header row from data. */
    String keyColumn() {
        return columns.getFirst();
    }

    public static Optional<ImportType> of(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wanted)).findFirst();
    }
}
