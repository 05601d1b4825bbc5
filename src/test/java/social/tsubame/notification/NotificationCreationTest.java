package social.tsubame.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import social.tsubame.account.Account;
import social.tsubame.account.AuthorizeFollowRequest;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.FollowEvents.Followed;
import social.tsubame.account.Follows;
import social.tsubame.account.UpdateLocalProfile;
import social.tsubame.status.EditRemoteStatus;
import social.tsubame.status.FavouriteStatus;
import social.tsubame.status.ReactToStatus;
import social.tsubame.status.ReblogStatus;
import social.tsubame.status.ReceiveRemoteStatus.RemoteStatus;
import social.tsubame.status.Status;
import social.tsubame.status.StatusEvents.StatusCreated;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;

/** Each kind of notification, made by the use case that causes it, reaches the right local account. */
@TsubameTest
@Import({NotificationFixtures.class, RecordedNotifications.class})
class NotificationCreationTest {

    @Autowired
    NotificationFixtures fixtures;

    @Autowired
    RecordedNotifications recorded;

    @Autowired
    FollowAccount followAccount;

    @Autowired
    AuthorizeFollowRequest authorizeFollowRequest;

    @Autowired
    UpdateLocalProfile updateLocalProfile;

    @Autowired
    Follows follows;

    @Autowired
    FavouriteStatus favouriteStatus;

    @Autowired
    ReblogStatus reblogStatus;

    @Autowired
    ReactToStatus reactToStatus;

    @Autowired
    EditRemoteStatus editRemoteStatus;

    @Autowired
    NotifyFollowed notifyFollowed;

    @Autowired
    NotifyAboutNewStatus notifyAboutNewStatus;

    private static Notification only(List<Notification> notifications) {
        assertThat(notifications).hasSize(1);
        return notifications.getFirst();
    }

    @Test
    void aFollowNotifiesTheFollowedAccount() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");

        followAccount.follow(bob.id(), alice.id(), true, false);

        Notification follow = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(follow.type()).isEqualTo(NotificationType.FOLLOW);
        assertThat(follow.fromAccountId()).isEqualTo(bob.id());
        assertThat(follow.statusId()).isNull();
        assertThat(follow.groupKey()).startsWith("follow-");
    }

    @Test
    void aLockedAccountHearsOfTheRequestAndNotAgainWhenItApproves() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        updateLocalProfile.update(alice.id(), new UpdateLocalProfile.Changes(null, null, true, null, null, null,
                null, null, null));

        followAccount.follow(bob.id(), alice.id(), true, false);
        Notification request = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(request.type()).isEqualTo(NotificationType.FOLLOW_REQUEST);
        assertThat(request.fromAccountId()).isEqualTo(bob.id());

        authorizeFollowRequest.authorize(alice.id(), bob.id());
        long followId = follows.findPair(bob.id(), alice.id()).orElseThrow().id();
        notifyFollowed.on(new Followed(followId, bob.id(), alice.id(), null));
        assertThat(fixtures.of(alice)).extracting(Notification::type).containsExactly(NotificationType.FOLLOW_REQUEST);
    }

    @Test
    void aPostNotifiesTheLocalAccountsItMentions() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Account carol = fixtures.local("carol");

        Status post = fixtures.post(bob, "@" + alice.username() + " and @" + carol.username() + ", tea at five?");

        for (Account mentioned : List.of(alice, carol)) {
            Notification mention = only(fixtures.awaitOf(mentioned, list -> !list.isEmpty()));
            assertThat(mention.type()).isEqualTo(NotificationType.MENTION);
            assertThat(mention.fromAccountId()).isEqualTo(bob.id());
            assertThat(mention.statusId()).isEqualTo(post.id());
            assertThat(mention.groupKey()).isNull();
        }
    }

    @Test
    void aRemotePostNotifiesTheLocalAccountsItMentions() {
        Account alice = fixtures.local("alice");
        Account dave = fixtures.remote("dave", "remote.example");

        Status post = fixtures.receive(fixtures.remotePost(dave, "<p>Hello @alice</p>", List.of(alice.id())));

        Notification mention = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(mention.type()).isEqualTo(NotificationType.MENTION);
        assertThat(mention.fromAccountId()).isEqualTo(dave.id());
        assertThat(mention.statusId()).isEqualTo(post.id());
    }

    @Test
    void aBoostNotifiesTheAuthorAboutTheBoostedStatus() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Status original = fixtures.post(alice, "Worth passing on");

        reblogStatus.reblog(bob.id(), original.id());

        Notification reblog = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(reblog.type()).isEqualTo(NotificationType.REBLOG);
        assertThat(reblog.fromAccountId()).isEqualTo(bob.id());
        assertThat(reblog.statusId()).isEqualTo(original.id());
        assertThat(reblog.groupKey()).startsWith("reblog-" + original.id() + "-");
    }

    @Test
    void aPostNotifiesTheFollowersWhoAskedForEveryPost() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Account carol = fixtures.local("carol");
        Account dave = fixtures.local("dave");
        followAccount.follow(carol.id(), alice.id(), true, true);
        followAccount.follow(dave.id(), alice.id(), true, false);

        Status post = fixtures.post(alice, "Out now");

        Notification status = only(fixtures.awaitOf(carol, list -> !list.isEmpty()));
        assertThat(status.type()).isEqualTo(NotificationType.STATUS);
        assertThat(status.fromAccountId()).isEqualTo(alice.id());
        assertThat(status.statusId()).isEqualTo(post.id());
        // Once more in this thread, so that the check below does not race the job.
        notifyAboutNewStatus.on(new StatusCreated(post.id(), alice.id(), true, post.visibility(), false));
        assertThat(fixtures.of(dave)).as("follows without the bell").isEmpty();

        Status direct = fixtures.post(alice, "@" + bob.username() + " just for you", Visibility.DIRECT, null);
        Status bobsPost = fixtures.post(bob, "A question");
        Status reply = fixtures.post(alice, "An answer", Visibility.PUBLIC, bobsPost.id());
        Status thread = fixtures.post(alice, "And more of my own", Visibility.PUBLIC, post.id());
        for (Status later : List.of(direct, reply, thread)) {
            notifyAboutNewStatus.on(new StatusCreated(later.id(), alice.id(), true, later.visibility(), false));
        }
        assertThat(fixtures.of(carol)).as("no direct posts, no replies to others; a thread of one's own counts")
                .extracting(Notification::statusId).containsExactlyInAnyOrder(post.id(), thread.id());
    }

    @Test
    void aFavouriteNotifiesTheAuthorAndIsAnnouncedForStreaming() {
        Account alice = fixtures.local("alice");
        Account bob = fixtures.local("bob");
        Status post = fixtures.post(alice, "Like me");

        favouriteStatus.favourite(bob.id(), post.id(), null);

        Notification favourite = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(favourite.type()).isEqualTo(NotificationType.FAVOURITE);
        assertThat(favourite.fromAccountId()).isEqualTo(bob.id());
        assertThat(favourite.statusId()).isEqualTo(post.id());
        assertThat(favourite.groupKey()).startsWith("favourite-" + post.id() + "-");
        await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.of(favourite.id()).isEmpty());
        assertThat(recorded.of(favourite.id())).containsExactly(new NotificationCreated(favourite.id(), alice.id()));
    }

    @Test
    void anEmojiReactionNotifiesTheAuthorWithTheEmoji() {
        Account alice = fixtures.local("alice");
        Account erin = fixtures.remote("erin", "misskey.example");
        Status post = fixtures.post(alice, "React to me");

        reactToStatus.react(erin.id(), post.id(), "🎉", "https://misskey.example/likes/1");

        Notification reaction = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(reaction.type()).isEqualTo(NotificationType.REACTION);
        assertThat(reaction.fromAccountId()).isEqualTo(erin.id());
        assertThat(reaction.statusId()).isEqualTo(post.id());
        assertThat(reaction.emoji()).isEqualTo("🎉");
    }

    @Test
    void aRemoteEditNotifiesTheLocalAccountsThatBoostedThePost() {
        Account alice = fixtures.local("alice");
        Account dave = fixtures.remote("dave", "remote.example");
        RemoteStatus remote = fixtures.remotePost(dave, "<p>The meeting is on Monday</p>", List.of());
        Status post = fixtures.receive(remote);
        reblogStatus.reblog(alice.id(), post.id());

        editRemoteStatus.edit(NotificationFixtures.edited(remote, "<p>The meeting is on Tuesday</p>"));

        Notification update = only(fixtures.awaitOf(alice, list -> !list.isEmpty()));
        assertThat(update.type()).isEqualTo(NotificationType.UPDATE);
        assertThat(update.fromAccountId()).isEqualTo(dave.id());
        assertThat(update.statusId()).isEqualTo(post.id());
    }
}
