package social.tsubame.portability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Users' archives of their posts. */
@Repository
public class AccountArchives {

    private static final String COLUMNS = "id, account_id, file_key, file_size, created_at, finished_at";

    private final JdbcTemplate jdbc;

    AccountArchives(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccountArchive archive) {
        jdbc.update("INSERT INTO account_archives (id, account_id, created_at) VALUES (?, ?, ?)", archive.id(),
                archive.accountId(), Timestamp.from(archive.createdAt()));
    }

    public Optional<AccountArchive> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_archives WHERE id = ?", AccountArchives::archive, id)
                .stream().findFirst();
    }

    public Optional<AccountArchive> findOwned(long id, long accountId) {
        return find(id).filter(archive -> archive.accountId() == accountId);
    }

    /** The account's archives, newest first. */
    public List<AccountArchive> ownedBy(long accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_archives WHERE account_id = ? ORDER BY id DESC",
                AccountArchives::archive, accountId);
    }

    /** Records the written zip; false when another run of the job recorded one first. */
    public boolean finish(long id, String fileKey, long fileSize, Instant at) {
        return jdbc.update("""
                UPDATE account_archives SET file_key = ?, file_size = ?, finished_at = ?
                WHERE id = ? AND finished_at IS NULL""", fileKey, fileSize, Timestamp.from(at), id) == 1;
    }

    /**
     * The archives finished before {@code finishedBefore}, past their keeping, and those still waiting since before
     * {@code createdBefore}, given up; oldest first.
     */
    public List<AccountArchive> expired(Instant finishedBefore, Instant createdBefore, int limit) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM account_archives WHERE finished_at < ? OR (finished_at IS NULL AND created_at < ?)
                ORDER BY id LIMIT ?""", AccountArchives::archive, Timestamp.from(finishedBefore),
                Timestamp.from(createdBefore), limit);
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM account_archives WHERE id = ?", id);
    }

    private static AccountArchive archive(ResultSet row, int index) throws SQLException {
        Timestamp finishedAt = row.getTimestamp("finished_at");
        long size = row.getLong("file_size");
        return new AccountArchive(row.getLong("id"), row.getLong("account_id"), row.getString("file_key"),
                row.wasNull() ? null : size, row.getTimestamp("created_at").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant());
    }
}
