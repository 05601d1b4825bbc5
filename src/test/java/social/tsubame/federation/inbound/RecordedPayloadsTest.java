package social.tsubame.federation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.Role;
import social.tsubame.api.model.ApiNotification;
import social.tsubame.api.model.NotificationsToApiNotifications;
import social.tsubame.core.PemKeys;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.Reports;
import social.tsubame.notification.NotificationQuery;
import social.tsubame.notification.NotificationType;
import social.tsubame.notification.Notifications;
import social.tsubame.status.PostStatus;
import social.tsubame.status.ReactToStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import social.tsubame.status.Visibility;
import social.tsubame.testing.TsubameTest;
import social.tsubame.timeline.HomeFeeds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Activities as Mastodon, Misskey, Pleroma/Akkoma and GoToSocial send them (fixtures written from their documented
 * formats), applied through the ingress worker's own path after the inbox accepted them.
 */
@TsubameTest
@TestPropertySource(properties = {"tsubame.local-domain=tsubame.example", "tsubame.local-https=true"})
class RecordedPayloadsTest {

    static final String CAROL = "https://mastodon.example/users/carol";
    static final String ERIN = "https://misskey.example/users/9abcdefghi";
    static final String FRANK = "https://akkoma.example/users/frank";
    static final String DAVE = "https://gts.example/users/dave";
    static final String MASTODON_INSTANCE = "https://mastodon.example/actor";
    static final String MISSKEY_INSTANCE = "https://misskey.example/users/9instance0";

    @Autowired
    ProcessInboundActivity process;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationsToApiNotifications toApiNotifications;

    @Autowired
    ActorDocumentToProfile toProfile;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    Accounts accounts;

    @Autowired
    Statuses statuses;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    PostStatus postStatus;

    @Autowired
    ReactToStatus reactions;

    @Autowired
    HomeFeeds homeFeeds;

    @Autowired
    FlagHandler flagHandler;

    @Autowired
    Reports reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    private static int run;
    private Account alice;
    private Status aliceStatus;
    private final String publicKey = PemKeys.generateRsa().publicKeyPem();

    @BeforeEach
    void aliceWithAPost() throws IOException {
        run++;
        alice = accounts.findLocal("alice").orElseGet(() -> createLocalAccount.create(new CreateLocalAccount.Command(
                "alice", "alice@tsubame.example", "correct horse battery", Role.USER)).account());
        aliceStatus = postStatus.post(new PostStatus.Command(alice.id(), "Hello fediverse " + run, null, false,
                Visibility.PUBLIC, "en", null, List.of()));
        for (String actor : List.of("mastodon/actor.json", "misskey/actor.json", "pleroma/actor.json",
                "gotosocial/actor.json", "mastodon/instance-actor.json", "misskey/instance-actor.json")) {
            var document = json.readTree(fixture(actor));
            remoteAccounts.upsert(toProfile.convert(document, URI.create(document.path("id").asString())));
        }
    }

    private String fixture(String name) throws IOException {
        return new String(new ClassPathResource("fixtures/" + name).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)
                .replace("{{public-key}}", publicKey.replace("\n", "\\n"))
                .replace("{{alice-status}}", aliceStatus.uri())
                .replace("{{alice}}", "https://tsubame.example/users/alice")
                .replace("{{run}}", "%012d".formatted(run));
    }

    private void apply(String name, String signer) throws Exception {
        process.process(new InboundActivity(fixture(name), signer));
    }

    private Account account(String uri) {
        return accounts.findByUri(uri).orElseThrow();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void actorsOfEverySoftwareAreStoredSanitized() {
        Account carol = account(CAROL);
        assertThat(carol.domain()).isEqualTo("mastodon.example");
        assertThat(carol.displayName()).isEqualTo("Carol :verified:");
        assertThat(carol.note()).contains("Gardener").contains("#<span>plants</span>").doesNotContain("script");
        assertThat(carol.fieldsJson()).contains("Website").contains("carol.example").contains("she/her");
        assertThat(carol.sharedInboxUrl()).isEqualTo("https://mastodon.example/inbox");
        assertThat(carol.avatarRemoteUrl()).isEqualTo("https://files.mastodon.example/avatars/carol.png");
        assertThat(carol.publicKeyId()).isEqualTo(CAROL + "#main-key");
        assertThat(carol.discoverable()).isTrue();

        assertThat(account(ERIN).username()).isEqualTo("erin");
        assertThat(account(ERIN).sharedInboxUrl()).isEqualTo("https://misskey.example/inbox");
        assertThat(account(FRANK).alsoKnownAs()).containsExactly("https://old.akkoma.example/users/frank");
        Account dave = account(DAVE);
        assertThat(dave.publicKeyId()).as("GoToSocial keys live at their own path")
                .isEqualTo("https://gts.example/users/dave/main-key");
        assertThat(dave.locked()).isTrue();
    }

    @Test
    void aMastodonPostWithMentionHashtagEmojiAndContentWarning() throws Exception {
        apply("mastodon/create-note.json", CAROL);
        Status note = statuses.findByUri(CAROL + "/statuses/113000000000000001").orElseThrow();
        assertThat(note.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(note.spoilerText()).isEqualTo("Spoilers for the season finale");
        assertThat(note.sensitive()).isTrue();
        assertThat(note.language()).isEqualTo("en");
        assertThat(note.content()).contains("what a twist!").contains("class=\"mention hashtag\"")
                .doesNotContain("onerror").doesNotContain("<img");
        assertThat(note.url()).isEqualTo("https://mastodon.example/@carol/113000000000000001");
        assertThat(count("SELECT count(*) FROM mentions WHERE status_id = ? AND account_id = ?", note.id(),
                alice.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM status_tags st JOIN tags t ON t.id = st.tag_id "
                + "WHERE st.status_id = ? AND t.name = 'tv'", note.id())).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT type, remote_url, description, blurhash, file_content_type "
                + "FROM media_attachments WHERE status_id = ?", note.id()))
                .containsEntry("type", "image")
                .containsEntry("remote_url", "https://files.mastodon.example/media/1.jpg")
                .containsEntry("description", "A surprised cat")
                .containsEntry("file_content_type", "image/jpeg");
        assertThat(count("SELECT count(*) FROM custom_emojis WHERE shortcode = 'blobcat' "
                + "AND domain = 'mastodon.example' AND image_remote_url = 'https://mastodon.example/emoji/blobcat.png'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> homeFeeds.read(alice.id(), null, null, 40).contains(note.id()));

        apply("mastodon/add-featured.json", CAROL);
        assertThat(count("SELECT count(*) FROM status_pins WHERE status_id = ?", note.id())).isEqualTo(1);
        apply("mastodon/remove-featured.json", CAROL);
        assertThat(count("SELECT count(*) FROM status_pins WHERE status_id = ?", note.id())).isZero();

        apply("mastodon/update-note.json", CAROL);
        Status edited = statuses.findById(note.id()).orElseThrow();
        assertThat(edited.content()).contains("no cats were harmed");
        assertThat(count("SELECT count(*) FROM status_edits WHERE status_id = ?", note.id())).isEqualTo(1);

        apply("mastodon/delete-note.json", CAROL);
        assertThat(statuses.findById(note.id()).orElseThrow().isDeleted()).isTrue();
        // Another activity carrying the same post (a relay's copy, say), so the dedupe of activity ids is no help.
        process.process(new InboundActivity(fixture("mastodon/create-note.json")
                .replace("113000000000000001/activity", "113000000000000001/activity-again"), CAROL));
        assertThat(statuses.findById(note.id()).orElseThrow().isDeleted())
                .as("a late copy does not bring a deleted post back").isTrue();
        assertThat(count("SELECT count(*) FROM statuses WHERE uri = ?", note.uri())).isEqualTo(1);
    }

    @Test
    void likesAndTheirUndo() throws Exception {
        apply("mastodon/like.json", CAROL);
        assertThat(count("SELECT favourites_count FROM statuses WHERE id = ?", aliceStatus.id())).isEqualTo(1);
        apply("mastodon/undo-like.json", CAROL);
        assertThat(count("SELECT favourites_count FROM statuses WHERE id = ?", aliceStatus.id())).isZero();
    }

    @Test
    void misskeyAndAkkomaReactionsBecomeEmojiReactions() throws Exception {
        apply("misskey/like-reaction.json", ERIN);
        apply("pleroma/emoji-react.json", FRANK);
        assertThat(reactions.counts(aliceStatus.id())).containsEntry("👍", 1L).containsEntry("blobcat", 1L);
        assertThat(count("SELECT favourites_count FROM statuses WHERE id = ?", aliceStatus.id()))
                .as("a reaction is not a favourite").isZero();
        apply("pleroma/undo-emoji-react.json", FRANK);
        assertThat(reactions.counts(aliceStatus.id())).containsOnlyKeys("👍");
    }

    @Test
    void boostsAndTheirUndo() throws Exception {
        apply("mastodon/announce.json", CAROL);
        Status boost = statuses.findByUri(CAROL + "/statuses/113000000000000002/activity").orElseThrow();
        assertThat(boost.reblogOfId()).isEqualTo(aliceStatus.id());
        assertThat(count("SELECT reblogs_count FROM statuses WHERE id = ?", aliceStatus.id())).isEqualTo(1);
        apply("mastodon/undo-announce.json", CAROL);
        assertThat(statuses.findById(boost.id()).orElseThrow().isDeleted()).isTrue();
        assertThat(count("SELECT reblogs_count FROM statuses WHERE id = ?", aliceStatus.id())).isZero();
    }

    @Test
    void visibilityFollowsAddressing() throws Exception {
        apply("misskey/create-note-followers.json", ERIN);
        Status followersOnly = statuses.findByUri("https://misskey.example/notes/9xyz0002").orElseThrow();
        assertThat(followersOnly.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(followersOnly.inReplyToId()).isEqualTo(aliceStatus.id());
        assertThat(followersOnly.inReplyToAccountId()).isEqualTo(alice.id());

        apply("gotosocial/create-note-unlisted.json", DAVE);
        assertThat(statuses.findByUri(DAVE + "/statuses/01JABCDEF").orElseThrow().visibility())
                .isEqualTo(Visibility.UNLISTED);
    }

    @Test
    void forgeriesAreDropped() throws Exception {
        assertThatThrownBy(() -> apply("gotosocial/create-note-spoofed.json", DAVE))
                .as("a copy attributed to someone else is not believed: its origin is asked, here unreachable")
                .isInstanceOf(UnknownHostException.class);
        assertThat(statuses.findByUri("https://mastodon.example/users/carol/statuses/999")).isEmpty();

        apply("mastodon/like.json", DAVE);
        assertThat(count("SELECT favourites_count FROM statuses WHERE id = ?", aliceStatus.id()))
                .as("an activity whose actor did not sign it").isZero();
    }

    @Test
    void profileUpdatesAndMovesThatTheTargetDoesNotConfirm() throws Exception {
        apply("mastodon/update-actor.json", CAROL);
        Account carol = account(CAROL);
        assertThat(carol.displayName()).isEqualTo("Carol (moving soon)");
        assertThat(carol.locked()).isTrue();

        apply("mastodon/move.json", CAROL);
        assertThat(account(CAROL).movedToAccountId()).as("alice does not list carol as an alias").isNull();
    }

    @Test
    void aBlockEndsFollowsBothWaysAndCanBeUndone() throws Exception {
        Account carol = account(CAROL);
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?), (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", System.nanoTime(), carol.id(), alice.id(), System.nanoTime() + 1,
                alice.id(), carol.id());
        apply("mastodon/block.json", CAROL);
        assertThat(count("SELECT count(*) FROM follows WHERE (account_id = ? AND target_account_id = ?) "
                + "OR (account_id = ? AND target_account_id = ?)", carol.id(), alice.id(), alice.id(), carol.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM blocks WHERE account_id = ? AND target_account_id = ?", carol.id(),
                alice.id())).isEqualTo(1);
        apply("mastodon/undo-block.json", CAROL);
        assertThat(count("SELECT count(*) FROM blocks WHERE account_id = ?", carol.id())).isZero();
    }

    @Test
    void aMastodonFlagReportsAliceWithHerOwnStatusOnly() throws Exception {
        apply("mastodon/flag.json", MASTODON_INSTANCE);
        Report report = reports.findByUri(flagId("mastodon/flag.json")).orElseThrow();
        assertThat(report.accountId()).isEqualTo(account(MASTODON_INSTANCE).id());
        assertThat(report.targetAccountId()).isEqualTo(alice.id());
        assertThat(report.statusIds()).as("the status we do not have is left out").containsExactly(aliceStatus.id());
        assertThat(report.comment()).isEqualTo("Spam links in every reply");
    }

    @Test
    void aMisskeyFlagDeliveredTwiceIsOneReport() throws Exception {
        apply("misskey/flag.json", MISSKEY_INSTANCE);
        String id = flagId("misskey/flag.json");
        flagHandler.handle(new IncomingActivity(json.readTree(fixture("misskey/flag.json")),
                account(MISSKEY_INSTANCE)));
        assertThat(count("SELECT count(*) FROM reports WHERE uri = ?", id)).isEqualTo(1);
        Report report = reports.findByUri(id).orElseThrow();
        assertThat(report.targetAccountId()).isEqualTo(alice.id());
        assertThat(report.statusIds()).containsExactly(aliceStatus.id());
        assertThat(report.comment()).isEqualTo("Harassment");
    }

    @Test
    void aFlagOfAnAccountWeNeverSawStoresNothing() throws Exception {
        int before = count("SELECT count(*) FROM reports");
        process.process(new InboundActivity("""
                {"@context": "https://www.w3.org/ns/activitystreams", "type": "Flag",
                 "id": "https://mastodon.example/unknown-%d", "actor": "%s", "content": "Who?",
                 "object": "https://elsewhere.example/users/nobody"}
                """.formatted(run, MASTODON_INSTANCE), MASTODON_INSTANCE));
        assertThat(count("SELECT count(*) FROM reports")).isEqualTo(before);
    }

    @Test
    void moderatorsAreToldOfAReportAndPlainUsersAreNot() throws Exception {
        Account mona = accounts.findLocal("mona").orElseGet(() -> createLocalAccount.create(
                new CreateLocalAccount.Command("mona", "mona@tsubame.example", "correct horse battery",
                        Role.MODERATOR)).account());
        apply("mastodon/flag.json", MASTODON_INSTANCE);
        long reportId = reports.findByUri(flagId("mastodon/flag.json")).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM notifications WHERE account_id = ? AND type = 'admin.report' "
                        + "AND report_id = ?", mona.id(), reportId)).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM notifications WHERE account_id = ? AND report_id = ?", alice.id(),
                reportId)).isZero();

        ApiNotification shown = toApiNotifications.many(notifications.page(mona.id(), new NotificationQuery(null,
                null, null, 40, Set.of(NotificationType.ADMIN_REPORT), Set.of(), null)), mona.id()).getFirst();
        assertThat(shown.report().id()).isEqualTo(Long.toString(reportId));
        assertThat(shown.report().targetAccount().acct()).isEqualTo("alice");
    }

    private String flagId(String fixture) throws IOException {
        return json.readTree(fixture(fixture)).path("id").asString();
    }
}
