package social.tsubame.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The media files of local accounts that the database names: uploads with their thumbnails, avatars, headers and
 * the server's own emojis. Cached copies of remote accounts' media are only counted: their servers still have them.
 */
final class LocalMediaKeys {

    record Key(String key, String contentType) {
    }

    record Found(List<Key> local, long remoteCached) {
    }

    private static final String KEYS = """
            SELECT m.file_key, m.file_content_type, a.domain IS NULL
              FROM media_attachments m JOIN accounts a ON a.id = m.account_id WHERE m.file_key IS NOT NULL
            UNION SELECT m.thumbnail_key, m.file_content_type, a.domain IS NULL
              FROM media_attachments m JOIN accounts a ON a.id = m.account_id WHERE m.thumbnail_key IS NOT NULL
            UNION SELECT avatar_file, NULL, domain IS NULL FROM accounts WHERE avatar_file IS NOT NULL
            UNION SELECT header_file, NULL, domain IS NULL FROM accounts WHERE header_file IS NOT NULL
            UNION SELECT image_key, NULL, domain IS NULL FROM custom_emojis WHERE image_key IS NOT NULL
            ORDER BY 1
            """;

    private LocalMediaKeys() {
    }

    static Found find(Connection connection) throws SQLException {
        List<Key> local = new ArrayList<>();
        long remote = 0;
        try (var statement = connection.createStatement(); var result = statement.executeQuery(KEYS)) {
            while (result.next()) {
                if (result.getBoolean(3)) {
                    local.add(new Key(result.getString(1), result.getString(2)));
                } else {
                    remote++;
                }
            }
        }
        return new Found(local.stream().distinct().toList(), remote);
    }
}
