package social.tsubame.media;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.core.ClusterLock;
import social.tsubame.core.Progress;
import social.tsubame.core.TimeOrderedIds;

/**
 * Copies of remote media in this server's storage: attachments of remote posts and avatars and headers of remote
 * accounts, each counted in {@code cached_remote_files}. While a copy is kept, clients load it from here; once it is
 * removed (past the budget, oldest first, or past the retention), its row keeps the remote URL and clients load the
 * file from its own server again. Removing a copy deletes the file first and then the rows, so a failure in between
 * leaves the rows for the next run to finish, never a copy nobody counts.
 */
@Component
public class RemoteMediaCache {

    /** What a copy belongs to, as {@code cached_remote_files.kind} names it. */
    public enum Kind {
        ATTACHMENT("attachment", null, null),
        AVATAR("avatar", "avatar_file", "avatar_remote_url"),
        HEADER("header", "header_file", "header_remote_url");

        private final String dbValue;
        /** The columns of {@code accounts} naming a profile image's copy and the URL it was fetched from. */
        private final String accountColumn;
        private final String remoteUrlColumn;

        Kind(String dbValue, String accountColumn, String remoteUrlColumn) {
            this.dbValue = dbValue;
            this.accountColumn = accountColumn;
            this.remoteUrlColumn = remoteUrlColumn;
        }

        static Kind of(String dbValue) {
            for (Kind kind : values()) {
                if (kind.dbValue.equals(dbValue)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown kind of cached file: " + dbValue);
        }
    }

    /**
     * @param files copies removed
     * @param bytes what they weighed
     */
    public record Removed(long files, long bytes) {

        static final Removed NONE = new Removed(0, 0);

        Removed plus(Removed other) {
            return new Removed(files + other.files, bytes + other.bytes);
        }
    }

    /**
     * The media types a copy may have, with the extension its key gets (which decides the type it is served with):
     * images, video and sound only, none that a browser would run as a page or a script (no HTML, no SVG).
     */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/avif", "avif"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"), Map.entry("video/quicktime", "mov"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/flac", "flac"),
            Map.entry("audio/wav", "wav"));

    private static final int BATCH = 200;

    private record CachedFile(String key, Kind kind, Long attachmentId, Long accountId, long bytes) {
    }

    /** The number of this work's {@link ClusterLock}. */
    private static final int LOCK = 1;

    private final MediaStorage storage;
    private final ClusterLock lock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TimeOrderedIds ids;
    private final Clock clock;

    RemoteMediaCache(MediaStorage storage, DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions,
                     TimeOrderedIds ids, Clock clock) {
        this.storage = storage;
        this.lock = new ClusterLock(dataSource, LOCK);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** The extension a copy of this media type gets; empty for a type that is not kept. */
    public static Optional<String> extensionOf(String mediaType) {
        return Optional.ofNullable(mediaType).map(type -> EXTENSIONS.get(type.toLowerCase(Locale.ROOT)));
    }

    /**
     * Keeps a copy of a remote attachment's file. False when it is not kept: its type is not one kept, or the
     * attachment is gone or has a copy already.
     */
    public boolean keepAttachment(long attachmentId, byte[] file, String mediaType) {
        return keep(Kind.ATTACHMENT, file, mediaType, key -> jdbc.update("""
                UPDATE media_attachments SET file_key = ?, file_size = ?, updated_at = now()
                WHERE id = ? AND file_key IS NULL AND remote_url IS NOT NULL""", key, file.length, attachmentId) == 1,
                attachmentId, null);
    }

    /**
     * Keeps a copy of a remote account's avatar or header, fetched from {@code remoteUrl}. False when it is not kept:
     * its type is not one kept, or the account has a copy already or names another picture by now.
     */
    public boolean keepProfileImage(long accountId, Kind kind, String remoteUrl, byte[] file, String mediaType) {
        if (kind == Kind.ATTACHMENT) {
            throw new IllegalArgumentException("Not a profile image: " + kind);
        }
        return keep(kind, file, mediaType, key -> jdbc.update("""
                UPDATE accounts SET %1$s = ?
                WHERE id = ? AND domain IS NOT NULL AND %1$s IS NULL AND %2$s = ?""".formatted(kind.accountColumn,
                kind.remoteUrlColumn), key, accountId, remoteUrl) == 1,
                null, accountId);
    }

    /** Stores the file, names it on its row ({@code naming} tells whether it could) and counts it, or deletes it. */
    private boolean keep(Kind kind, byte[] file, String mediaType, Predicate<String> naming, Long attachmentId,
                         Long accountId) {
        Optional<String> extension = extensionOf(mediaType);
        if (extension.isEmpty()) {
            return false;
        }
        String key = "cache/" + kind.dbValue + "s/" + ids.next() + "." + extension.get();
        storage.put(key, file, mediaType);
        boolean kept = Boolean.TRUE.equals(transactions.execute(transaction -> {
            if (!naming.test(key)) {
                return false;
            }
            jdbc.update("""
                    INSERT INTO cached_remote_files (file_key, kind, media_attachment_id, account_id, byte_size)
                    VALUES (?, ?, ?, ?, ?)""", key, kind.dbValue, attachmentId, accountId, file.length);
            return true;
        }));
        if (!kept) {
            storage.delete(key);
        }
        return kept;
    }

    /**
     * The right to remove copies, which one process of the server has at a time (two at once would count the same
     * excess twice); empty while another holds it.
     */
    public Optional<ClusterLock.Held> tryLock() {
        return lock.tryAcquire();
    }

    /** The right to remove copies, waiting while another process holds it. */
    public ClusterLock.Held lock() {
        return lock.acquire();
    }

    /** What the copies weigh together. */
    public long cachedBytes() {
        Long bytes = jdbc.queryForObject("SELECT coalesce(sum(byte_size), 0) FROM cached_remote_files", Long.class);
        return bytes == null ? 0 : bytes;
    }

    /** Removes the copies made more than {@code age} ago, oldest first; progress counts files. */
    public Removed removeOlderThan(Duration age, Progress progress) {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(age));
        progress.total(jdbc.queryForObject("SELECT count(*) FROM cached_remote_files WHERE cached_at < ?",
                Long.class, cutoff));
        Removed removed = Removed.NONE;
        while (true) {
            List<CachedFile> batch = oldest("WHERE cached_at < ?", cutoff);
            if (batch.isEmpty()) {
                return removed;
            }
            removed = removed.plus(remove(batch));
            progress.advance(batch.size());
        }
    }

    /**
     * Removes the copies of the attachments, avatars and headers of the accounts that {@code accounts} matches (a
     * condition on {@code accounts a}, binding {@code args}).
     */
    public Removed removeOfAccounts(String accounts, Object... args) {
        Object[] bothArgs = new Object[args.length * 2];
        System.arraycopy(args, 0, bothArgs, 0, args.length);
        System.arraycopy(args, 0, bothArgs, args.length, args.length);
        String condition = """
                WHERE account_id IN (SELECT a.id FROM accounts a WHERE %1$s)
                   OR media_attachment_id IN (SELECT ma.id FROM media_attachments ma
                                              JOIN accounts a ON a.id = ma.account_id WHERE %1$s)"""
                .formatted(accounts);
        Removed removed = Removed.NONE;
        for (List<CachedFile> batch = oldest(condition, bothArgs); !batch.isEmpty();
             batch = oldest(condition, bothArgs)) {
            removed = removed.plus(remove(batch));
        }
        return removed;
    }

    /** Removes the oldest copies until the rest weigh at most {@code budgetBytes}. */
    public Removed evictOverBudget(long budgetBytes) {
        long excess = cachedBytes() - budgetBytes;
        Removed removed = Removed.NONE;
        while (excess > 0) {
            List<CachedFile> chosen = new ArrayList<>();
            for (CachedFile file : oldest("")) {
                if (excess <= 0) {
                    break;
                }
                chosen.add(file);
                excess -= file.bytes();
            }
            if (chosen.isEmpty()) {
                break;
            }
            removed = removed.plus(remove(chosen));
        }
        return removed;
    }

    private List<CachedFile> oldest(String condition, Object... args) {
        return jdbc.query("""
                SELECT file_key, kind, media_attachment_id, account_id, byte_size FROM cached_remote_files
                %s ORDER BY cached_at, file_key LIMIT %d""".formatted(condition, BATCH),
                (row, n) -> new CachedFile(row.getString("file_key"), Kind.of(row.getString("kind")),
                        (Long) row.getObject("media_attachment_id"), (Long) row.getObject("account_id"),
                        row.getLong("byte_size")), args);
    }

    private Removed remove(List<CachedFile> files) {
        files.forEach(file -> storage.delete(file.key()));
        transactions.executeWithoutResult(transaction -> {
            for (CachedFile file : files) {
                if (file.kind() == Kind.ATTACHMENT && file.attachmentId() != null) {
                    jdbc.update("""
                            UPDATE media_attachments SET file_key = NULL, file_size = NULL, updated_at = now()
                            WHERE id = ? AND file_key = ?""", file.attachmentId(), file.key());
                } else if (file.kind() != Kind.ATTACHMENT && file.accountId() != null) {
                    jdbc.update("UPDATE accounts SET %1$s = NULL WHERE id = ? AND %1$s = ?"
                            .formatted(file.kind().accountColumn), file.accountId(), file.key());
                }
            }
            jdbc.update("DELETE FROM cached_remote_files WHERE file_key = ANY(?)",
                    (Object) files.stream().map(CachedFile::key).toArray(String[]::new));
        });
        return new Removed(files.size(), files.stream().mapToLong(CachedFile::bytes).sum());
    }
}
