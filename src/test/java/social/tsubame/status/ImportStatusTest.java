package social.tsubame.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

/** Posts imported from an archive keep their dates, though never one ahead of now, and each gets an id of its own. */
@TsubameTest
class ImportStatusTest {

    @Autowired
    ImportStatus importStatus;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private Account user(String name) {
        LocalUsers.ensure(createLocalAccount, accounts, name);
        return accounts.findLocal(name).orElseThrow();
    }

    private static ImportStatus.ImportedPost post(Account author, String uri, Instant published) {
        return new ImportStatus.ImportedPost(author.id(), uri, "<p>from the archive</p>", "", false,
                Visibility.PUBLIC, "en", published);
    }

    @Test
    void aPostDatedInTheFutureIsImportedAsOfNow() {
        Account author = user("import_future");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long id = importStatus.importPost(post(author, "https://old.example/notes/future",
                Instant.now().plus(Duration.ofDays(365)))).orElseThrow();

        Instant after = Instant.now();
        assertThat(TimeOrderedIds.timeOf(id)).isBetween(before, after);
        assertThat(jdbc.queryForObject("SELECT created_at FROM statuses WHERE id = ?", Timestamp.class, id)
                .toInstant()).isBetween(before, after);
    }

    @Test
    void theSamePostImportedByTwoAccountsOrTwiceByOneGetsOneStatusPerAccount() {
        Account first = user("import_first");
        Account second = user("import_second");
        Instant published = Instant.parse("2021-05-06T07:08:09.123Z");
        String uri = "https://old.example/notes/shared";

        long mine = importStatus.importPost(post(first, uri, published)).orElseThrow();
        long theirs = importStatus.importPost(post(second, uri, published)).orElseThrow();

        assertThat(mine).isNotEqualTo(theirs);
        assertThat(TimeOrderedIds.timeOf(mine)).isEqualTo(published);
        assertThat(TimeOrderedIds.timeOf(theirs)).isEqualTo(published);
        assertThat(importStatus.importPost(post(first, uri, published))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM statuses WHERE imported_from = ?", Long.class, uri))
                .isEqualTo(2);
    }
}
