package social.tsubame.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;

/** Accounts of a server an admin limited notify only those who follow them, as silenced accounts on Mastodon. */
@TsubameTest
class LimitedDomainNotificationsTest {

    @Autowired
    NotifyAccount notifyAccount;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLimitedServersAccountNotifiesOnlyItsFollowers() {
        LocalUsers.ensure(createLocalAccount, accounts, "nora", "nick");
        Account nora = accounts.findLocal("nora").orElseThrow();
        Account nick = accounts.findLocal("nick").orElseThrow();
        long loud = ids.next();
        jdbc.update("INSERT INTO accounts (id, username, domain, uri, inbox_url) VALUES (?, 'lou', 'loud.example',"
                + " 'https://loud.example/users/lou', 'https://loud.example/users/lou/inbox')", loud);
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(),
                nick.id(), loud);
        jdbc.update("INSERT INTO domain_blocks (id, domain, severity) VALUES (?, 'loud.example', 'silence')",
                ids.next());

        Optional<Long> toStranger = notifyAccount.notify(NotifyAccount.Notice.about(nora.id(), loud,
                NotificationType.FOLLOW, ids.next(), null));
        Optional<Long> toFollower = notifyAccount.notify(NotifyAccount.Notice.about(nick.id(), loud,
                NotificationType.FOLLOW, ids.next(), null));

        assertThat(toStranger).isEmpty();
        assertThat(toFollower).isPresent();
        jdbc.update("DELETE FROM domain_blocks WHERE domain = 'loud.example'");
        assertThat(notifyAccount.notify(NotifyAccount.Notice.about(nora.id(), loud, NotificationType.FOLLOW,
                ids.next(), null))).isPresent();
    }
}
