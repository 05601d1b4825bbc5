package social.tsubame.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.core.PemKeys;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.mapping.ActorDocumentToProfile;
import social.tsubame.federation.mapping.NoteToRemoteStatus;
import social.tsubame.moderation.AuditLog;
import social.tsubame.status.ReceiveRemoteStatus;
import social.tsubame.status.Status;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import social.tsubame.timeline.StatusPages;
import social.tsubame.web.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What blocking a server does: suspension, silencing and rejecting media, at once in this process. */
@TsubameTest
class DomainModerationTest {

    @Autowired
    BlockDomain blockDomain;

    @Autowired
    UnblockDomain unblockDomain;

    @Autowired
    DomainPolicy policy;

    @Autowired
    ActorDocumentToProfile toProfile;

    @Autowired
    NoteToRemoteStatus toStatus;

    @Autowired
    ReceiveRemoteStatus receiveStatus;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    Accounts accounts;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    StatusPages statusPages;

    @Autowired
    AuditLog audit;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void suspendingAServerRemovesItsFollowsBothWaysAndHidesItsAccountsUntilLifted() {
        LocalUsers.ensure(createLocalAccount, accounts, "susan");
        Account susan = accounts.findLocal("susan").orElseThrow();
        Account carol = remote("https://bad.example/users/carol", Map.of());
        Account dave = remote("https://social.bad.example/users/dave", Map.of());
        follow(susan, carol);
        follow(dave, susan);
        jdbc.update("UPDATE accounts SET followers_count = 1, following_count = 1 WHERE id = ?", susan.id());
        assertThat(policy.refuses("social.bad.example")).isFalse();

        DomainBlock block = blockDomain.block(susan.id(), new BlockDomain.Command("Bad.Example",
                DomainBlock.Severity.SUSPEND, null, null, "spam wave", "Spam", null));

        assertThat(block.domain()).isEqualTo("bad.example");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM follows WHERE account_id IN (?, ?)"
                + " OR target_account_id IN (?, ?)", Integer.class, carol.id(), dave.id(), carol.id(), dave.id()))
                .isZero();
        assertThat(jdbc.queryForMap("SELECT followers_count, following_count FROM accounts WHERE id = ?",
                susan.id())).containsEntry("followers_count", 0).containsEntry("following_count", 0);
        assertThat(accounts.findById(carol.id()).orElseThrow().suspended()).isTrue();
        assertThat(accounts.findById(dave.id()).orElseThrow().suspended()).isTrue();
        // The cache was forgotten on commit: refused at once, subdomains too.
        assertThat(policy.refuses("bad.example")).isTrue();
        assertThat(policy.refuses("social.bad.example")).isTrue();
        AuditLog.Entry logged = audit.newest(null, 1).getFirst();
        assertThat(logged.action()).isEqualTo("create_domain_block");
        assertThat(logged.actorAccountId()).isEqualTo(susan.id());
        assertThat(logged.targetId()).isEqualTo(String.valueOf(block.id()));
        assertThatThrownBy(() -> blockDomain.block(null, new BlockDomain.Command("social.bad.example",
                DomainBlock.Severity.SILENCE, null, null, null, null, null)))
                .isInstanceOf(BlockDomain.AlreadyBlocked.class);

        assertThat(unblockDomain.unblock(null, block.id())).isTrue();
        assertThat(accounts.findById(carol.id()).orElseThrow().suspended()).isFalse();
        assertThat(accounts.findById(dave.id()).orElseThrow().suspended()).isFalse();
        assertThat(policy.refuses("social.bad.example")).isFalse();
        assertThat(audit.newest(null, 1).getFirst().action()).isEqualTo("destroy_domain_block");
    }

    @Test
    void aSilencedServerStaysOutOfThePublicTimelineExceptForItsFollowers() {
        LocalUsers.ensure(createLocalAccount, accounts, "sam", "tina");
        Account sam = accounts.findLocal("sam").orElseThrow();
        Account tina = accounts.findLocal("tina").orElseThrow();
        Account quiet = remote("https://quiet.example/users/quinn", Map.of());
        follow(tina, quiet);
        Status post = receive(quiet, "https://quiet.example/users/quinn/statuses/1", Map.of());
        assertThat(publicTimeline(Optional.empty())).contains(post.id());

        DomainBlock block = blockDomain.block(null, new BlockDomain.Command("quiet.example",
                DomainBlock.Severity.SILENCE, null, null, null, null, null));

        assertThat(publicTimeline(Optional.empty())).doesNotContain(post.id());
        assertThat(publicTimeline(Optional.of(sam.id()))).doesNotContain(post.id());
        assertThat(publicTimeline(Optional.of(tina.id()))).contains(post.id());
        assertThat(accounts.findById(quiet.id()).orElseThrow().suspended()).isFalse();

        blockDomain.update(null, block.id(), new BlockDomain.Command(null, DomainBlock.Severity.NOOP, null, null,
                null, null, null));
        assertThat(publicTimeline(Optional.empty())).contains(post.id());
        unblockDomain.unblock(null, block.id());
    }

    @Test
    void aServerWhoseMediaIsRejectedKeepsItsWordsButNotItsPictures() {
        JsonNode actor = actorDocument("https://pictures.example/users/pia",
                Map.of("icon", Map.of("type", "Image", "url", "https://pictures.example/avatar.png")));
        assertThat(toProfile.convert(actor, URI.create("https://pictures.example/users/pia")).avatarUrl())
                .isEqualTo("https://pictures.example/avatar.png");
        Account pia = remote("https://pictures.example/users/pia",
                Map.of("icon", Map.of("type", "Image", "url", "https://pictures.example/avatar.png")));
        assertThat(pia.avatarRemoteUrl()).isEqualTo("https://pictures.example/avatar.png");
        Map<String, Object> withImage = Map.of("attachment", List.of(Map.of("type", "Document",
                "mediaType", "image/png", "url", "https://pictures.example/files/cat.png")));
        JsonNode note = noteDocument(pia, "https://pictures.example/users/pia/statuses/1", withImage);
        assertThat(toStatus.convert(note, pia).media()).hasSize(1);

        DomainBlock block = blockDomain.block(null, new BlockDomain.Command("pictures.example",
                DomainBlock.Severity.NOOP, true, null, null, null, null));

        assertThat(policy.rejectsMedia("pictures.example")).isTrue();
        assertThat(accounts.findById(pia.id()).orElseThrow().avatarRemoteUrl()).isNull();
        assertThat(toProfile.convert(actor, URI.create("https://pictures.example/users/pia")).avatarUrl()).isNull();
        ReceiveRemoteStatus.RemoteStatus converted = toStatus.convert(note, pia);
        assertThat(converted.media()).isEmpty();
        assertThat(converted.content()).contains("Hello");
        Status stored = receiveStatus.receive(converted).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_attachments WHERE status_id = ?", Integer.class,
                stored.id())).isZero();
        unblockDomain.unblock(null, block.id());
        assertThat(policy.rejectsMedia("pictures.example")).isFalse();
    }

    private List<Long> publicTimeline(Optional<Long> viewer) {
        return statusPages.publicTimeline(new StatusPages.PublicScope(false, false, false), viewer,
                new Page(null, null, null, 40));
    }

    private Account remote(String uri, Map<String, Object> extra) {
        long id = remoteAccounts.upsert(toProfile.convert(actorDocument(uri, extra), URI.create(uri)));
        return accounts.findById(id).orElseThrow();
    }

    private static JsonNode actorDocument(String uri, Map<String, Object> extra) {
        Map<String, Object> document = new LinkedHashMap<>(Map.of("id", uri, "type", "Person",
                "preferredUsername", uri.substring(uri.lastIndexOf('/') + 1), "inbox", uri + "/inbox",
                "publicKey", Map.of("id", uri + "#main-key", "owner", uri,
                        "publicKeyPem", PemKeys.generateRsa().publicKeyPem())));
        document.putAll(extra);
        return JsonMapper.shared().valueToTree(document);
    }

    private static JsonNode noteDocument(Account author, String uri, Map<String, Object> extra) {
        Map<String, Object> note = new LinkedHashMap<>(Map.of("id", uri, "type", "Note",
                "attributedTo", author.uri(), "content", "<p>Hello from " + author.username() + "</p>",
                "to", List.of("https://www.w3.org/ns/activitystreams#Public")));
        note.putAll(extra);
        return JsonMapper.shared().valueToTree(note);
    }

    private Status receive(Account author, String uri, Map<String, Object> extra) {
        return receiveStatus.receive(toStatus.convert(noteDocument(author, uri, extra), author)).orElseThrow();
    }

    private void follow(Account follower, Account target) {
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(),
                follower.id(), target.id());
    }
}
