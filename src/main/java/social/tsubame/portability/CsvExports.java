package social.tsubame.portability;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a user's follows, lists, blocks, mutes, blocked domains and bookmarks as Mastodon writes them, so that the
 * files import on Mastodon as well as here: accounts by address ({@code user@domain}, local ones too), booleans as
 * {@code true}/{@code false}, a header row only where Mastodon has one, newest first.
 */
@Service
public class CsvExports {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final JdbcTemplate jdbc;
    private final AccountAddresses addresses;

    CsvExports(JdbcTemplate jdbc, AccountAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    @Transactional(readOnly = true)
    public String export(CsvExport export, long accountId) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
            write(export, accountId, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void write(CsvExport export, long me, CSVPrinter csv) throws IOException {
        String local = addresses.localDomain();
        String address = AccountAddresses.sql("a");
        switch (export) {
            case FOLLOWS -> {
                csv.printRecord(ImportType.FOLLOWING.columns());
                print(csv, jdbc.query("SELECT " + address + ", f.show_reblogs, f.notify, f.languages FROM follows f"
                        + " JOIN accounts a ON a.id = f.target_account_id WHERE f.account_id = ? ORDER BY f.id DESC",
                        (row, index) -> List.of(row.getString(1), Boolean.toString(row.getBoolean(2)),
                                Boolean.toString(row.getBoolean(3)), languages(row.getArray(4))), local, me));
            }
            case LISTS -> print(csv, jdbc.query("SELECT l.title, " + address + " FROM lists l"
                    + " JOIN list_accounts la ON la.list_id = l.id JOIN accounts a ON a.id = la.account_id"
                    + " WHERE l.account_id = ? ORDER BY l.id, la.id",
                    (row, index) -> List.of(row.getString(1), row.getString(2)), local, me));
            case BLOCKS -> print(csv, jdbc.query("SELECT " + address + " FROM blocks b"
                    + " JOIN accounts a ON a.id = b.target_account_id WHERE b.account_id = ? ORDER BY b.id DESC",
                    (row, index) -> List.of(row.getString(1)), local, me));
            case MUTES -> {
                csv.printRecord(ImportType.MUTING.columns());
                print(csv, jdbc.query("SELECT " + address + ", m.hide_notifications FROM mutes m"
                        + " JOIN accounts a ON a.id = m.target_account_id WHERE m.account_id = ? ORDER BY m.id DESC",
                        (row, index) -> List.of(row.getString(1), Boolean.toString(row.getBoolean(2))), local, me));
            }
            case DOMAIN_BLOCKS -> print(csv, jdbc.query(
                    "SELECT domain FROM account_domain_blocks WHERE account_id = ? ORDER BY id DESC",
                    (row, index) -> List.of(row.getString(1)), me));
            case BOOKMARKS -> print(csv, jdbc.query("""
                    SELECT s.uri FROM bookmarks b JOIN statuses s ON s.id = b.status_id
                    WHERE b.account_id = ? ORDER BY b.id DESC""", (row, index) -> List.of(row.getString(1)), me));
        }
    }

    /** A follow's languages as Mastodon writes them, comma-separated in one cell; empty for all languages. */
    private static String languages(Array languages) throws SQLException {
        return languages == null ? "" : String.join(", ", (String[]) languages.getArray());
    }

    private static void print(CSVPrinter csv, List<List<String>> rows) throws IOException {
        for (List<String> row : rows) {
            csv.printRecord(row);
        }
    }
}
