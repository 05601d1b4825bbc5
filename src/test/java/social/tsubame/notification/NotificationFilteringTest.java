package social.tsubame.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.BlockAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.DeleteStatus;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.ReblogStatus;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.StatusEvents.StatusFavourited;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;

/**
 * Who is not notified, and what is not notified twice. Listeners run again here, in the test's thread, so that a
 * check for "nothing" waits for them rather than racing their jobs.
 */
@TsubameTest
@Import({NotificationFixtures.class, RecordedNotifications.class})
class NotificationFilteringTest {

    @Autowired
    NotificationFixtures fixtures;

    @Autowired
    RecordedNotifications recorded;

    @Autowired
    FavouriteStatus favouriteStatus;

    @Autowired
    ReblogStatus reblogStatus;

    @Autowired
    DeleteStatus deleteStatus;

    @Autowired
    BlockAccount blockAccount;

    @Autowired
    NotifyFavourited notifyFavourited;

    @Autowired
    NotifyAboutNewStatus notifyAboutNewStatus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    /** Favourites a status and runs the listener of that favourite. */
    private void favourite(Account account, Status status) {
        favouriteStatus.favourite(account.id(), status.id(), null);
        long favouriteId = jdbc.queryForObject("SELECT id FROM favourites WHERE account_id = ? AND status_id = ?",
                Long.class, account.id(), status.id());
        notifyFavourited.on(new StatusFavourited(favouriteId, account.id(), status.id()));
    }

    @Test
    void nobodyIsNotifiedAboutThemselves() {
        Account alice = fixtures.local("alice");
        Status note = fixtures.post(alice, "@" + alice.username() + " remember the milk");
        notifyAboutNewStatus.on(new StatusCreated(note.id(), alice.id(), true, note.visibility(), false));
        favourite(alice, note);
        long boost = reblogStatus.reblog(alice.id(), note.id());
        notifyAboutNewStatus.on(new StatusCreated(boost, alice.id(), true, Visibility.PUBLIC, false));

        assertThat(fixtures.of(alice)).isEmpty();
    }

    @Test
    void blockedMutedAndDomainBlockedAccountsAreNotHeard() {
        Account alice = fixtures.local("alice");
        Account blocked = fixtures.local("blocked");
        Account muted = fixtures.local("muted");
        Account mutedButHeard = fixtures.local("muted_but_heard");
        Account onABlockedDomain = fixtures.remote("erin", "blocked.example");
        blockAccount.block(alice.id(), blocked.id());
        jdbc.update("INSERT INTO mutes (id, account_id, target_account_id, hide_notifications) VALUES (?, ?, ?, true)",
                ids.next(), alice.id(), muted.id());
        jdbc.update("INSERT INTO mutes (id, account_id, target_account_id, hide_notifications) "
                + "VALUES (?, ?, ?, false)", ids.next(), alice.id(), mutedButHeard.id());
        jdbc.update("INSERT INTO account_domain_blocks (id, account_id, domain) VALUES (?, ?, 'blocked.example')",
                ids.next(), alice.id());
        Status post = fixtures.post(alice, "Who likes this?");

        for (Account fan : List.of(blocked, muted, mutedButHeard, onABlockedDomain)) {
            favourite(fan, post);
        }

        assertThat(fixtures.of(alice)).extracting(Notification::fromAccountId)
                .as("a mute that leaves notifications on lets them through").containsExactly(mutedButHeard.id());
    }

    @Test
    void aListenerThatRunsTwiceNotifiesOnce() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Status post = fixtures.post(alice, "Once is enough");
        favouriteStatus.favourite(bob.id(), post.id(), null);
        Status mention = fixtures.post(bob, "Hello @" + alice.username());
        fixtures.awaitOf(alice, list -> list.size() == 2);

        favourite(bob, post);
        notifyAboutNewStatus.on(new StatusCreated(mention.id(), bob.id(), true, mention.visibility(), false));

        List<Notification> notifications = fixtures.of(alice);
        assertThat(notifications).extracting(Notification::type)
                .containsExactlyInAnyOrder(NotificationType.FAVOURITE, NotificationType.MENTION);
        for (Notification notification : notifications) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.of(notification.id()).isEmpty());
            assertThat(recorded.of(notification.id())).as("announced once").hasSize(1);
        }
    }

    @Test
    void aDeletedStatusTakesItsNotificationsAlong() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Status kept = fixtures.post(alice, "Staying");
        Status regretted = fixtures.post(alice, "Going");
        Status mention = fixtures.post(bob, "Hey @" + alice.username());
        favouriteStatus.favourite(bob.id(), regretted.id(), null);
        favouriteStatus.favourite(bob.id(), kept.id(), null);
        reblogStatus.reblog(bob.id(), kept.id());
        fixtures.awaitOf(alice, list -> list.size() == 4);

        deleteStatus.delete(regretted.id(), alice.id());
        deleteStatus.delete(mention.id(), bob.id());
        reblogStatus.unreblog(bob.id(), kept.id());

        List<Notification> left = fixtures.awaitOf(alice, list -> list.size() == 1);
        assertThat(left.getFirst().type()).isEqualTo(NotificationType.FAVOURITE);
        assertThat(left.getFirst().statusId()).isEqualTo(kept.id());
    }

    @Test
    void aJobThatComesLateForADeletedStatusNotifiesNobody() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Status post = fixtures.post(alice, "Here and gone");
        deleteStatus.delete(post.id(), alice.id());

        favourite(bob, post);

        assertThat(fixtures.of(alice)).isEmpty();
    }
}
