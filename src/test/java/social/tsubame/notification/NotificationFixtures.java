package social.tsubame.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestComponent;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.account.Role;
import social.tsubame.status.PostStatus;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.ReceiveRemoteStatus.RemoteStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;

/**
 * Named accounts and posts for notification tests, made by the real use cases. Tests of one context share a database,
 * so every name gets a number of its own: {@code alice} becomes {@code alice_7}.
 */
@TestComponent
class NotificationFixtures {

    private static final AtomicInteger serial = new AtomicInteger();

    private final CreateLocalAccount createLocalAccount;
    private final RemoteAccounts remoteAccounts;
    private final Accounts accounts;
    private final PostStatus postStatus;
    private final ReceiveRemoteStatus receiveRemoteStatus;
    private final Notifications notifications;

    NotificationFixtures(CreateLocalAccount createLocalAccount, RemoteAccounts remoteAccounts, Accounts accounts,
                         PostStatus postStatus, ReceiveRemoteStatus receiveRemoteStatus,
                         Notifications notifications) {
        this.createLocalAccount = createLocalAccount;
        this.remoteAccounts = remoteAccounts;
        this.accounts = accounts;
        this.postStatus = postStatus;
        this.receiveRemoteStatus = receiveRemoteStatus;
        this.notifications = notifications;
    }

    Account local(String name) {
        String username = name + "_" + serial.incrementAndGet();
        return createLocalAccount.create(new CreateLocalAccount.Command(username, username + "@example.org",
                "correct horse battery", Role.USER)).account();
    }

    Account remote(String name, String domain) {
        String username = name + "_" + serial.incrementAndGet();
        String uri = "https://" + domain + "/users/" + username;
        long id = remoteAccounts.upsert(new RemoteActorProfile(uri, username, domain, "Person", "", "", uri,
                uri + "/inbox", "https://" + domain + "/inbox", null, null, null, null, uri + "#main-key", null,
                false, false, false, false, List.of(), null, null, "[]"));
        return accounts.findById(id).orElseThrow();
    }

    Status post(Account author, String text) {
        return post(author, text, Visibility.PUBLIC, null);
    }

    Status post(Account author, String text, Visibility visibility, Long inReplyToId) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, visibility, "en", inReplyToId,
                List.of()));
    }

    /** A post of a remote account as its server would send it. */
    RemoteStatus remotePost(Account author, String html, List<Long> mentionedIds) {
        return new RemoteStatus(author.id(), "https://" + author.domain() + "/notes/" + serial.incrementAndGet(),
                null, html, null, false, Visibility.PUBLIC, "en", null, null, null, mentionedIds, List.of(),
                List.of(), List.of());
    }

    Status receive(RemoteStatus remote) {
        return receiveRemoteStatus.receive(remote).orElseThrow();
    }

    /** The edit of a remote post: the same post with other content. */
    static RemoteStatus edited(RemoteStatus original, String html) {
        return new RemoteStatus(original.accountId(), original.uri(), original.url(), html, original.spoilerText(),
                original.sensitive(), original.visibility(), original.language(), original.inReplyToUri(),
                original.conversationUri(), original.published(), original.mentionedIds(), original.hashtags(),
                original.media(), original.emojis());
    }

    /** Every notification of an account, newest first. */
    List<Notification> of(Account recipient) {
        return notifications.page(recipient.id(), new NotificationQuery(null, null, null, NotificationQuery.MAX_LIMIT,
                null, null, null));
    }

    /** Waits for the notifications of an account to match, as listeners run in jobs of their own. */
    List<Notification> awaitOf(Account recipient, Predicate<List<Notification>> expected) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> of(recipient), expected);
    }
}
