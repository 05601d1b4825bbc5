package social.tsubame.backup;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The cached copies of remote accounts' media, which a backup leaves out (see {@link LocalMediaKeys}). A restored
 * database forgets them, so clients load those files from their own servers again instead of from keys with no file
 * behind them; the cache fills again as it is used.
 */
final class RemoteMediaCopies {

    private static final String FORGET = """
            UPDATE media_attachments m SET file_key = NULL, file_size = NULL, thumbnail_key = NULL
              FROM accounts a WHERE a.id = m.account_id AND a.domain IS NOT NULL
               AND (m.file_key IS NOT NULL OR m.thumbnail_key IS NOT NULL);
            UPDATE accounts SET avatar_file = NULL, header_file = NULL
             WHERE domain IS NOT NULL AND (avatar_file IS NOT NULL OR header_file IS NOT NULL);
            UPDATE custom_emojis SET image_key = NULL WHERE domain IS NOT NULL AND image_key IS NOT NULL;
            DELETE FROM cached_remote_files;
            """;

    private RemoteMediaCopies() {
    }

    /** Run on a schema at this build's version, which all the tables and columns named here are part of. */
    static void forget(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(FORGET);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget the copies of remote media: " + e.getMessage(), e);
        }
    }
}
