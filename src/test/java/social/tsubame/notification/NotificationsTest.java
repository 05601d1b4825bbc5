package social.tsubame.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import social.tsubame.account.Account;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.notification.NotifyAccount.Notice;
import social.tsubame.status.Status;
import social.tsubame.testing.TsubameTest;

/** Reading notifications the way the Mastodon API pages and filters them. */
@TsubameTest
@Import({NotificationFixtures.class, RecordedNotifications.class})
class NotificationsTest {

    @Autowired
    NotificationFixtures fixtures;

    @Autowired
    Notifications notifications;

    @Autowired
    NotifyAccount notifyAccount;

    @Autowired
    TimeOrderedIds ids;

    private Account alice;
    private Account bob;
    private Account carol;
    /** Alice's notifications, oldest first: follows, favourites and mentions from bob and carol, in turn. */
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void aliceHasTwelveNotifications() {
        alice = fixtures.local("alice");
        bob = fixtures.local("bob");
        carol = fixtures.local("carol");
        Status post = fixtures.post(alice, "Something to react to");
        List<NotificationType> types = List.of(NotificationType.FOLLOW, NotificationType.FAVOURITE,
                NotificationType.MENTION);
        for (int i = 0; i < 12; i++) {
            Account from = i % 2 == 0 ? bob : carol;
            NotificationType type = types.get(i % 3);
            Long statusId = type == NotificationType.FOLLOW ? null : post.id();
            created.add(notifyAccount.notify(Notice.about(alice.id(), from.id(), type, ids.next(), statusId))
                    .orElseThrow());
        }
    }

    private List<Long> page(Long maxId, Long sinceId, Long minId, int limit) {
        return ids(notifications.page(alice.id(), new NotificationQuery(maxId, sinceId, minId, limit, null, null,
                null)));
    }

    private static List<Long> ids(List<Notification> page) {
        return page.stream().map(Notification::id).toList();
    }

    private long nth(int index) {
        return created.get(index);
    }

    @Test
    void pagesWalkBackwardsWithMaxIdAndMissNothing() {
        List<Long> read = new ArrayList<>();
        for (List<Long> page = page(null, null, null, 5); !page.isEmpty(); page = page(read.getLast(), null, null, 5)) {
            read.addAll(page);
        }
        assertThat(read).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void sinceIdGivesTheNewestAndMinIdThePageRightAboveIt() {
        assertThat(page(null, nth(2), null, 3)).containsExactly(nth(11), nth(10), nth(9));
        assertThat(page(null, null, nth(2), 3)).containsExactly(nth(5), nth(4), nth(3));
        assertThat(page(null, nth(8), nth(2), 3)).as("min_id wins").containsExactly(nth(5), nth(4), nth(3));
        assertThat(page(nth(6), null, nth(2), 10)).containsExactly(nth(5), nth(4), nth(3));
    }

    @Test
    void theLimitIsClampedToWhatTheApiAllows() {
        assertThat(page(null, null, null, 0)).containsExactly(nth(11));
        assertThat(new NotificationQuery(null, null, null, 1000, null, null, null).limit())
                .isEqualTo(NotificationQuery.MAX_LIMIT);
    }

    @Test
    void typesExcludedTypesAndTheSenderFilterThePage() {
        List<Notification> favourites = notifications.page(alice.id(), new NotificationQuery(null, null, null, 40,
                Set.of(NotificationType.FAVOURITE), null, null));
        assertThat(favourites).hasSize(4).allMatch(notification -> notification.type() == NotificationType.FAVOURITE);

        List<Notification> noFollows = notifications.page(alice.id(), new NotificationQuery(null, null, null, 40,
                null, Set.of(NotificationType.FOLLOW), null));
        assertThat(noFollows).hasSize(8).noneMatch(notification -> notification.type() == NotificationType.FOLLOW);

        List<Notification> carolsMentions = notifications.page(alice.id(), new NotificationQuery(null, null, null, 40,
                Set.of(NotificationType.MENTION, NotificationType.FOLLOW), Set.of(NotificationType.FOLLOW),
                carol.id()));
        assertThat(ids(carolsMentions)).containsExactly(nth(11), nth(5));
    }

    @Test
    void aNotificationIsFoundAndDismissedByItsRecipientOnly() {
        long first = nth(0);
        assertThat(notifications.findForRecipient(first, bob.id())).isEmpty();
        assertThat(notifications.findForRecipient(first, alice.id())).map(Notification::fromAccountId)
                .contains(bob.id());

        assertThat(notifications.dismiss(first, bob.id())).isZero();
        assertThat(notifications.dismiss(first, alice.id())).isOne();
        assertThat(notifications.findForRecipient(first, alice.id())).isEmpty();
        assertThat(page(null, null, null, 40)).hasSize(11);
    }

    @Test
    void clearingEmptiesTheRecipientsNotificationsOnly() {
        long bobsOwn = notifyAccount.notify(Notice.about(bob.id(), carol.id(), NotificationType.FOLLOW, ids.next(),
                null)).orElseThrow();

        assertThat(notifications.clear(alice.id())).isEqualTo(12);

        assertThat(page(null, null, null, 40)).isEmpty();
        assertThat(notifications.findForRecipient(bobsOwn, bob.id())).isPresent();
    }
}
