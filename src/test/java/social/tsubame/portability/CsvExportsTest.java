package social.tsubame.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.account.BlockAccount;
import social.tsubame.account.BlockDomainForAccount;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.FollowAccount;
import social.tsubame.account.MuteAccount;
import social.tsubame.account.RemoteAccounts;
import social.tsubame.account.RemoteActorProfile;
import social.tsubame.core.PemKeys;
import social.tsubame.core.ServerIdentity;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.status.BookmarkStatus;
import social.tsubame.status.PostStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.ApiClient;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import social.tsubame.timeline.AddListMembers;
import social.tsubame.timeline.CreateList;

/** Mastodon's CSV files of what a user follows, lists, blocks, mutes, hides and keeps, byte for byte. */
@TsubameTest
class CsvExportsTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    RemoteAccounts remoteAccounts;

    @Autowired
    FollowAccount follow;

    @Autowired
    BlockAccount block;

    @Autowired
    MuteAccount mute;

    @Autowired
    BlockDomainForAccount blockDomain;

    @Autowired
    BookmarkStatus bookmark;

    @Autowired
    PostStatus postStatus;

    @Autowired
    CreateList createList;

    @Autowired
    AddListMembers addListMembers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    ServerIdentity identity;

    ApiClient api;
    String local;
    long ines;
    long jules;
    long kai;
    long zed;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        local = identity.localDomain();
        LocalUsers.ensure(createLocalAccount, accounts, "ines", "jules", "kai");
        ines = accounts.findLocal("ines").orElseThrow().id();
        jules = accounts.findLocal("jules").orElseThrow().id();
        kai = accounts.findLocal("kai").orElseThrow().id();
        zed = remote("zed", "far.example");
    }

    @Test
    void eachFileIsWrittenAsMastodonWritesIt() throws Exception {
        follow.follow(ines, jules, false, true);
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id, languages) VALUES (?, ?, ?, ?)",
                ids.next(), ines, zed, new String[] {"en", "ja"});
        block.block(ines, remote("spammer", "spam.example"));
        mute.mute(ines, kai, false, null);
        mute.mute(ines, zed, true, null);
        blockDomain.block(ines, "noisy.example");
        Status post = postStatus.post(new PostStatus.Command(jules, "keep this", "", false, Visibility.PUBLIC, null,
                null, List.of()));
        bookmark.bookmark(ines, post.id());
        long friends = createList.create(ines, "Friends, close", null, false).id();
        addListMembers.add(ines, friends, List.of(jules));
        addListMembers.add(ines, friends, List.of(zed));
        String token = api.userToken("ines", LocalUsers.PASSWORD, "read");

        assertThat(download("follows", token).body()).isEqualTo("""
                Account address,Show boosts,Notify on new posts,Languages
                zed@far.example,true,false,"en, ja"
                jules@%s,false,true,
                """.formatted(local));
        assertThat(download("lists", token).body()).isEqualTo("""
                "Friends, close",jules@%s
                "Friends, close",zed@far.example
                """.formatted(local));
        assertThat(download("blocks", token).body()).isEqualTo("spammer@spam.example\n");
        assertThat(download("mutes", token).body()).isEqualTo("""
                Account address,Hide notifications
                zed@far.example,true
                kai@%s,false
                """.formatted(local));
        assertThat(download("domain_blocks", token).body()).isEqualTo("noisy.example\n");
        HttpResponse<String> bookmarks = download("bookmarks", token);
        assertThat(bookmarks.body()).isEqualTo(post.uri() + "\n");
        assertThat(bookmarks.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(bookmarks.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"bookmarks.csv\"");
    }

    @Test
    void aFileIsForItsOwnerOnlyWithATokenThatMayReadItOrTheSignInSession() throws Exception {
        LocalUsers.ensure(createLocalAccount, accounts, "lou");
        block.block(accounts.findLocal("lou").orElseThrow().id(), kai);
        assertThat(download("blocks", null).statusCode()).isEqualTo(401);
        assertThat(download("blocks", "not-a-token").statusCode()).isEqualTo(401);
        String listsOnly = api.userToken("lou", LocalUsers.PASSWORD, "read:lists");
        HttpResponse<String> refused = download("blocks", listsOnly);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\"");
        assertThat(download("lists", listsOnly).statusCode()).isEqualTo(200);
        assertThat(download("everything", listsOnly).statusCode()).isEqualTo(404);
        String julesToken = api.userToken("jules", LocalUsers.PASSWORD, "read");
        assertThat(download("blocks", julesToken).body()).isEmpty();

        ApiClient.Browser browser = api.new Browser();
        assertThat(browser.get("/settings/exports/blocks.csv").status()).isEqualTo(401);
        browser.signIn("lou", LocalUsers.PASSWORD);
        ApiClient.Response signedIn = browser.get("/settings/exports/blocks.csv");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("kai@" + local + "\n");
        assertThat(api.get("/settings/exports/blocks.csv?access_token=" + listsOnly, null).status())
                .as("a token in the address, for a plain link").isEqualTo(403);
    }

    private HttpResponse<String> download(String name, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/settings/exports/" + name + ".csv"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long remote(String username, String domain) {
        String uri = "https://" + domain + "/users/" + username;
        return remoteAccounts.upsert(new RemoteActorProfile(uri, username, domain, "Person", "", "", uri,
                uri + "/inbox", "https://" + domain + "/inbox", null, null, null, null, uri + "#main-key",
                PemKeys.generateRsa().publicKeyPem(), false, false, false, false, List.of(), null, null, "[]"));
    }
}
