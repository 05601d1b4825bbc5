package social.tsubame.portability;

import java.util.Arrays;
import java.util.Optional;

/** The CSV files a user can download, at Mastodon's addresses and under Mastodon's file names. */
public enum CsvExport {

    FOLLOWS("follows", "following_accounts.csv", "read:follows"),
    LISTS("lists", "lists.csv", "read:lists"),
    BLOCKS("blocks", "blocked_accounts.csv", "read:blocks"),
    MUTES("mutes", "muted_accounts.csv", "read:mutes"),
    DOMAIN_BLOCKS("domain_blocks", "blocked_domains.csv", "read:blocks"),
    BOOKMARKS("bookmarks", "bookmarks.csv", "read:bookmarks");

    private final String path;
    private final String fileName;
    private final String scope;

    CsvExport(String path, String fileName, String scope) {
        this.path = path;
        this.fileName = fileName;
        this.scope = scope;
    }

    public String fileName() {
        return fileName;
    }

    /** What a token must grant to download it. */
    public String scope() {
        return scope;
    }

    /** The export at {@code /settings/exports/{path}.csv}. */
    public static Optional<CsvExport> at(String path) {
        return Arrays.stream(values()).filter(export -> export.path.equals(path)).findFirst();
    }
}
