package social.tsubame.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

/** The audit log keeps who did what, newest first, and counts recent decisions for the health page. */
@TsubameTest
class AuditLogTest {

    @Autowired
    AuditLog log;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void recordsActionsAndReadsThemBackNewestFirstPageByPage() {
        LocalUsers.ensure(createLocalAccount, accounts, "audit_moderator");
        long moderator = accounts.findLocal("audit_moderator").orElseThrow().id();
        long before = log.decisionsWithin(Duration.ofDays(30));

        log.record(moderator, "resolve_report", "Report", "1", "report 1 about carol@remote.example");
        log.record(null, "suspend", "Account", "2", null);

        List<AuditLog.Entry> newest = log.newest(null, 2);
        assertThat(newest).extracting(AuditLog.Entry::action).containsExactly("suspend", "resolve_report");
        assertThat(newest.getFirst().actorAccountId()).as("the command line acts as nobody").isNull();
        assertThat(newest.getFirst().summary()).isEmpty();
        assertThat(newest.get(1).actorAccountId()).isEqualTo(moderator);
        assertThat(newest.get(1).targetType()).isEqualTo("Report");
        assertThat(newest.get(1).targetId()).isEqualTo("1");
        assertThat(newest.get(1).summary()).isEqualTo("report 1 about carol@remote.example");
        assertThat(log.newest(newest.getFirst().id(), 1)).extracting(AuditLog.Entry::id)
                .containsExactly(newest.get(1).id());
        assertThat(log.decisionsWithin(Duration.ofDays(30))).isEqualTo(before + 2);
    }

    @Test
    void entriesWrittenInOneTransactionCountAsOneDecision() {
        long before = log.decisionsWithin(Duration.ofDays(30));

        transactions.executeWithoutResult(status -> {
            log.record(null, "suspend", "Account", "3", "spammer@remote.example");
            log.record(null, "warn", "Account", "3", "spammer@remote.example");
            log.record(null, "resolve_report", "Report", "4", "report 4 about spammer@remote.example");
        });

        assertThat(log.newest(null, 3)).hasSize(3);
        assertThat(log.decisionsWithin(Duration.ofDays(30))).isEqualTo(before + 1);
    }
}
