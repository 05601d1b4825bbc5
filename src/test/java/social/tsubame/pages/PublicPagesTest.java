package social.tsubame.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.core.Uris;
import social.tsubame.instance.ServerRules;
import social.tsubame.media.TestImages;
import social.tsubame.media.UploadMedia;
import social.tsubame.status.PinStatus;
import social.tsubame.status.PostStatus;
import social.tsubame.status.ReblogStatus;
import social.tsubame.status.Status;
import social.tsubame.status.Visibility;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.QueryCounter;
import social.tsubame.testing.TsubameTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pages visitors see without signing in, fetched over HTTP and read as a browser or a link preview would. */
@TsubameTest
@TestPropertySource(properties = {"tsubame.instance.title=Swallow Town",
        "tsubame.instance.description=A small town for swallows.", "tsubame.instance.contact-email=mayor@example.org",
        "tsubame.instance.contact-username=pagemayor", "tsubame.instance.show-domain-blocks=true",
        "tsubame.registrations.mode=open"})
@Import(QueryCounter.class)
class PublicPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ACTIVITY_JSON = "application/activity+json";
    private static final String LD_JSON = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    @LocalServerPort
    int port;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    PostStatus postStatus;

    @Autowired
    ReblogStatus reblogStatus;

    @Autowired
    PinStatus pinStatus;

    @Autowired
    UploadMedia uploadMedia;

    @Autowired
    ServerRules rules;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Uris uris;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void users() {
        LocalUsers.ensure(createLocalAccount, accounts, "pagemayor", "pagewren", "pagefinch", "pagerobin");
    }

    @Test
    void aProfileShowsPublicAndUnlistedPostsAndBoostsButNeverFollowersOnlyOrDirectOnes() {
        Account wren = account("pagewren");
        Account finch = account("pagefinch");
        post(wren, "Wren in public", Visibility.PUBLIC, null);
        post(wren, "Wren unlisted", Visibility.UNLISTED, null);
        post(wren, "Wren for followers", Visibility.PRIVATE, null);
        post(wren, "Wren direct to @pagefinch", Visibility.DIRECT, null);
        Status finchPost = post(finch, "Finch worth boosting", Visibility.PUBLIC, null);
        reblogStatus.reblog(wren.id(), finchPost.id());

        HttpResponse<String> response = get("/@pagewren", HTML);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Document page = Jsoup.parse(response.body());
        String posts = page.select("article.post").text();
        assertThat(posts).contains("Wren in public", "Wren unlisted", "Finch worth boosting")
                .doesNotContain("Wren for followers", "Wren direct");
        Element boost = page.select("article.post").stream()
                .filter(article -> article.text().contains("Finch worth boosting")).findFirst().orElseThrow();
        assertThat(boost.select(".boosted").text()).contains("boosted");
        assertThat(boost.select(".author .handle").text()).isEqualTo("@pagefinch@" + uris.localDomain());
        assertThat(page.select("h1.display-name").text()).isEqualTo("pagewren");
        assertThat(page.select(".profile .handle").text()).isEqualTo("@pagewren@" + uris.localDomain());
    }

    @Test
    void aProfileTellsLinkPreviewsAndServersWhatItIs() {
        Account robin = account("pagerobin");
        jdbc.update("UPDATE accounts SET display_name = ?, note = ? WHERE id = ?", "Robin <b>Redbreast</b>",
                "<p>Sings at dawn.</p>", robin.id());

        Document page = Jsoup.parse(get("/@pagerobin", HTML).body());

        String profileUrl = uris.base() + "/@pagerobin";
        assertThat(meta(page, "og:type")).isEqualTo("profile");
        assertThat(meta(page, "og:title")).isEqualTo("Robin <b>Redbreast</b> (@pagerobin@" + uris.localDomain() + ")");
        assertThat(meta(page, "og:description")).isEqualTo("Sings at dawn.");
        assertThat(meta(page, "og:url")).isEqualTo(profileUrl);
        assertThat(meta(page, "og:image")).isEqualTo(uris.base() + "/avatars/original/missing.png");
        assertThat(meta(page, "og:site_name")).isEqualTo("Swallow Town");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(profileUrl);
        assertThat(page.select("link[rel=alternate][type=application/activity+json]").attr("href"))
                .isEqualTo(uris.actor("pagerobin"));
        assertThat(page.select("h1.display-name").text()).as("escaped, not markup")
                .isEqualTo("Robin <b>Redbreast</b>");
        assertThat(page.select("h1.display-name b")).isEmpty();
        assertThat(page.select(".note p").text()).isEqualTo("Sings at dawn.");
    }

    @Test
    void searchEnginesAreKeptAwayFromAccountsThatAreNotIndexable() {
        Account robin = account("pagerobin");
        jdbc.update("UPDATE accounts SET indexable = false WHERE id = ?", robin.id());
        assertThat(Jsoup.parse(get("/@pagerobin", HTML).body()).select("meta[name=robots]").attr("content"))
                .isEqualTo("noindex, noarchive");

        jdbc.update("UPDATE accounts SET indexable = true WHERE id = ?", robin.id());
        assertThat(Jsoup.parse(get("/@pagerobin", HTML).body()).select("meta[name=robots]")).isEmpty();
        jdbc.update("UPDATE accounts SET indexable = false WHERE id = ?", robin.id());
    }

    @Test
    void aPostPageShowsItsPublicThreadWithPreviewTags() {
        Account wren = account("pagewren");
        Account finch = account("pagefinch");
        Status root = post(wren, "Where do swallows go in winter?", Visibility.PUBLIC, null);
        Status answer = post(finch, "South, with the sun", Visibility.PUBLIC, root.id());
        post(finch, "A reply only followers see", Visibility.PRIVATE, root.id());
        Status more = post(wren, "Thanks, @pagefinch", Visibility.UNLISTED, answer.id());

        Document rootPage = Jsoup.parse(get("/@pagewren/" + root.id(), HTML).body());

        assertThat(rootPage.select("article.post.focused").text()).contains("Where do swallows go in winter?");
        assertThat(rootPage.select("article.post.focused .content").attr("lang")).isEqualTo("en");
        assertThat(rootPage.select(".descendants article.post").eachText()).hasSize(2)
                .anyMatch(text -> text.contains("South, with the sun"))
                .anyMatch(text -> text.contains("Thanks, @pagefinch"))
                .noneMatch(text -> text.contains("only followers"));
        String pageUrl = uris.statusPage("pagewren", root.id());
        assertThat(meta(rootPage, "og:type")).isEqualTo("article");
        assertThat(meta(rootPage, "og:description")).isEqualTo("Where do swallows go in winter?");
        assertThat(meta(rootPage, "og:url")).isEqualTo(pageUrl);
        assertThat(rootPage.select("link[rel=canonical]").attr("href")).isEqualTo(pageUrl);
        assertThat(rootPage.select("link[rel=alternate][type=application/activity+json]").attr("href"))
                .isEqualTo(uris.status("pagewren", root.id()));

        Document replyPage = Jsoup.parse(get("/@pagewren/" + more.id(), HTML).body());
        assertThat(replyPage.select(".ancestors article.post").eachText()).hasSize(2);
        assertThat(replyPage.select(".ancestors article.post").first().text())
                .contains("Where do swallows go in winter?");
        assertThat(replyPage.select(".focused .content a.mention").attr("href")).isEqualTo(uris.profile("pagefinch"));
    }

    @Test
    void aPostWithAPictureIsPreviewedWithThatPicture() {
        Account wren = account("pagewren");
        long mediaId = uploadMedia.upload(new UploadMedia.Command(wren.id(), TestImages.jpeg(64, 48),
                "a swallow on a wire", null)).id();
        Status status = postStatus.post(new PostStatus.Command(wren.id(), "Look #swallowspotting", null, false,
                Visibility.PUBLIC, "en", null, List.of(mediaId)));

        Document page = Jsoup.parse(get("/@pagewren/" + status.id(), HTML).body());

        Element image = page.select(".focused .media-grid img").first();
        assertThat(image).isNotNull();
        assertThat(image.attr("alt")).isEqualTo("a swallow on a wire");
        assertThat(meta(page, "og:image")).startsWith(uris.base() + "/system/media/");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select(".focused .content a.hashtag").attr("href")).isEqualTo(uris.tag("swallowspotting"));

        Document tagPage = Jsoup.parse(get("/tags/SwallowSpotting", HTML).body());
        assertThat(tagPage.select("article.post").text()).contains("Look #swallowspotting");
    }

    @Test
    void theSameAddressesAnswerActivityPubClientsWithTheDocuments() {
        Account wren = account("pagewren");
        Status status = post(wren, "Fetched by servers", Visibility.PUBLIC, null);

        for (String accept : List.of(ACTIVITY_JSON, LD_JSON)) {
            HttpResponse<String> actor = get("/@pagewren", accept);
            assertThat(actor.statusCode()).isEqualTo(200);
            assertThat(actor.headers().firstValue("Content-Type").orElse("")).contains("json");
            JsonNode person = JsonMapper.shared().readTree(actor.body());
            assertThat(person.get("id").asString()).isEqualTo(uris.actor("pagewren"));
            assertThat(person.get("type").asString()).isEqualTo("Person");

            JsonNode note = JsonMapper.shared().readTree(get("/@pagewren/" + status.id(), accept).body());
            assertThat(note.get("id").asString()).isEqualTo(uris.status("pagewren", status.id()));
            assertThat(note.get("type").asString()).isEqualTo("Note");
        }
        assertThat(get("/@pagewren", "*/*").headers().firstValue("Content-Type").orElse(""))
                .as("anything at all: the page, as nginx routes it").startsWith("text/html");

        HttpResponse<String> browserAtId = get("/users/pagewren", HTML);
        assertThat(browserAtId.statusCode()).isEqualTo(302);
        assertThat(browserAtId.headers().firstValue("Location").orElse("")).isEqualTo(uris.profile("pagewren"));
        assertThat(get("/users/pagewren/statuses/" + status.id(), HTML).headers().firstValue("Location")
                .orElse("")).isEqualTo(uris.statusPage("pagewren", status.id()));
        assertThat(get("/users/pagewren", "*/*").statusCode()).as("servers that accept anything")
                .isEqualTo(200);
    }

    @Test
    void whatIsNotPublicOrDoesNotExistIsAPageSayingSo() {
        Account wren = account("pagewren");
        Account finch = account("pagefinch");
        Status forFollowers = post(wren, "Followers only", Visibility.PRIVATE, null);
        Status direct = post(wren, "Direct to @pagefinch", Visibility.DIRECT, null);
        Status finchPost = post(finch, "Finch's own", Visibility.PUBLIC, null);

        for (String path : List.of("/@nobodyhere", "/@pagewren/" + forFollowers.id(), "/@pagewren/" + direct.id(),
                "/@pagewren/" + finchPost.id(), "/@pagewren/notanumber", "/@pagewren/99999999999",
                "/@" + uris.localDomain(), "/@someone@unknown.example")) {
            HttpResponse<String> response = get(path, HTML);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(Jsoup.parse(response.body()).select("h1").text()).as(path).isEqualTo("Nothing here");
        }
        assertThat(get("/@pagewren?max_id=soon", HTML).statusCode()).isEqualTo(400);
    }

    @Test
    void aSuspendedAccountIsGone() {
        LocalUsers.ensure(createLocalAccount, accounts, "pagecuckoo");
        Account cuckoo = account("pagecuckoo");
        jdbc.update("UPDATE accounts SET suspended_at = now() WHERE id = ?", cuckoo.id());

        HttpResponse<String> response = get("/@pagecuckoo", HTML);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Account suspended");
    }

    @Test
    void aRemoteAccountsAddressSendsTheVisitorToItsOwnServer() {
        remoteHeron();

        HttpResponse<String> response = get("/@heron@lake.example", HTML);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).isEqualTo("https://lake.example/@heron");
    }

    @Test
    void aRemotePostLinksItsHashtagsToThisServerAndItsAddressLeadsToItsServer() {
        long heron = remoteHeron();
        long statusId = ids.next();
        jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, url, content, visibility)
                VALUES (?, ?, ?, ?, ?, 'public')""", statusId, heron, "https://lake.example/users/heron/statuses/1",
                "https://lake.example/@heron/1",
                "<p>Fishing at dawn <a href=\"https://lake.example/tags/WadingBirds\" class=\"mention hashtag\" "
                        + "rel=\"tag\">#<span>WadingBirds</span></a></p>");
        jdbc.update("INSERT INTO tags (id, name) VALUES (?, 'wadingbirds') ON CONFLICT DO NOTHING", ids.next());
        jdbc.update("INSERT INTO status_tags (status_id, tag_id) SELECT ?, id FROM tags WHERE name = 'wadingbirds'",
                statusId);

        Document tagPage = Jsoup.parse(get("/tags/wadingbirds", HTML).body());

        Element post = tagPage.select("article.post").first();
        assertThat(post).isNotNull();
        assertThat(post.select(".content a.hashtag").attr("href")).isEqualTo(uris.tag("wadingbirds"));
        assertThat(post.select(".author").attr("href")).isEqualTo("https://lake.example/@heron");
        assertThat(post.select("a.time").attr("href")).isEqualTo("https://lake.example/@heron/1");
        HttpResponse<String> here = get("/@heron@lake.example/" + statusId, HTML);
        assertThat(here.statusCode()).isEqualTo(302);
        assertThat(here.headers().firstValue("Location").orElse("")).isEqualTo("https://lake.example/@heron/1");
    }

    /** A remote account this server knows, as its actor document described it. */
    private long remoteHeron() {
        jdbc.update("""
                INSERT INTO accounts (id, username, domain, uri, url) VALUES (?, 'heron', 'lake.example', ?, ?)
                ON CONFLICT DO NOTHING""", ids.next(), "https://lake.example/users/heron", "https://lake.example/@heron");
        return accounts.findByUri("https://lake.example/users/heron").orElseThrow().id();
    }

    @Test
    void olderPostsArePagedByMaxId() {
        LocalUsers.ensure(createLocalAccount, accounts, "pageswift");
        Account swift = account("pageswift");
        for (int i = 1; i <= 23; i++) {
            post(swift, "Swift post number " + i, Visibility.PUBLIC, null);
        }
        Status pinned = post(swift, "Pinned hello", Visibility.PUBLIC, null);
        pinStatus.pin(swift.id(), pinned.id());

        Document first = Jsoup.parse(get("/@pageswift", HTML).body());
        assertThat(first.select(".pinned article.post").text()).contains("Pinned hello");
        List<String> firstPosts = first.select(".posts:not(.pinned) article.post .content").eachText();
        assertThat(firstPosts).hasSize(20).first().isEqualTo("Pinned hello");
        assertThat(firstPosts.getLast()).isEqualTo("Swift post number 5");
        String older = first.select(".pager a[rel=next]").attr("href");
        assertThat(older).startsWith(uris.profile("pageswift") + "?max_id=");

        Document second = Jsoup.parse(get(older.substring(uris.base().length()), HTML).body());
        assertThat(second.select(".posts article.post .content").eachText())
                .containsExactly("Swift post number 4", "Swift post number 3", "Swift post number 2",
                        "Swift post number 1");
        assertThat(second.select(".pinned")).isEmpty();
        assertThat(second.select(".pager a[rel=next]")).isEmpty();
        assertThat(second.select(".pager a[rel=first]").attr("href")).isEqualTo(uris.profile("pageswift"));
    }

    @Test
    void theAboutPageNamesTheServerItsRulesContactsAndSize() {
        rules.add("Be kind to birds", "No hunting, not even in jest.");
        jdbc.update("INSERT INTO domain_blocks (id, domain, severity, public_comment, private_comment) "
                + "VALUES (?, 'spam.example', 'suspend', 'Spam flood', 'seen by admins only') "
                + "ON CONFLICT (domain) DO NOTHING", ids.next());
        long users = jdbc.queryForObject("SELECT count(*) FROM users WHERE NOT disabled", Long.class);

        HttpResponse<String> response = get("/about", HTML);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Swallow Town");
        assertThat(page.select(".description").text()).isEqualTo("A small town for swallows.");
        assertThat(page.select(".stats li").first().text()).isEqualTo(users + " users");
        assertThat(page.select(".registrations").attr("data-mode")).isEqualTo("open");
        assertThat(page.select(".rules .rule-text").eachText()).contains("Be kind to birds");
        assertThat(page.select(".rules .rule-hint").eachText()).contains("No hunting, not even in jest.");
        assertThat(page.select(".contact-account .handle").text()).isEqualTo("@pagemayor@" + uris.localDomain());
        assertThat(page.select("a.contact-email").attr("href")).isEqualTo("mailto:mayor@example.org");
        assertThat(page.select(".domain-blocks").text()).contains("spam.example", "Spam flood")
                .doesNotContain("seen by admins only");

        JsonNode v1 = JsonMapper.shared().readTree(get("/api/v1/instance", "application/json").body());
        assertThat(v1.get("rules").valueStream().map(rule -> rule.get("text").asString()))
                .contains("Be kind to birds");
        assertThat(v1.get("contact_account").get("username").asString()).isEqualTo("pagemayor");
        JsonNode v2 = JsonMapper.shared().readTree(get("/api/v2/instance", "application/json").body());
        assertThat(v2.get("rules").valueStream().map(rule -> rule.get("hint").asString()))
                .contains("No hunting, not even in jest.");
        assertThat(v2.get("contact").get("account").get("username").asString()).isEqualTo("pagemayor");
    }

    @Test
    void theTabsListRepliesOnlyWithRepliesAndPicturesUnderMedia() {
        LocalUsers.ensure(createLocalAccount, accounts, "pagetern");
        Account tern = account("pagetern");
        Status finchPost = post(account("pagefinch"), "Finch asks the terns", Visibility.PUBLIC, null);
        post(tern, "Tern on its own", Visibility.PUBLIC, null);
        post(tern, "Tern answering finch", Visibility.PUBLIC, finchPost.id());
        long mediaId = uploadMedia.upload(new UploadMedia.Command(tern.id(), TestImages.jpeg(32, 32), "a tern",
                null)).id();
        postStatus.post(new PostStatus.Command(tern.id(), "Tern with a picture", null, false, Visibility.PUBLIC,
                "en", null, List.of(mediaId)));

        assertThat(Jsoup.parse(get("/@pagetern", HTML).body()).select("article.post .content").eachText())
                .containsExactly("Tern with a picture", "Tern on its own");
        assertThat(Jsoup.parse(get("/@pagetern/with_replies", HTML).body()).select("article.post .content")
                .eachText()).containsExactly("Tern with a picture", "Tern answering finch", "Tern on its own");
        Document media = Jsoup.parse(get("/@pagetern/media", HTML).body());
        assertThat(media.select("article.post .content").eachText()).containsExactly("Tern with a picture");
        assertThat(media.select(".tabs a[aria-current=page]").text()).isEqualTo("Media");
    }

    @Test
    void aPageCostsTheSameQueriesHoweverManyPostsItShows() {
        LocalUsers.ensure(createLocalAccount, accounts, "pagelark", "pageowl");
        Account lark = account("pagelark");
        Account owl = account("pageowl");
        post(lark, "Lark alone", Visibility.PUBLIC, null);
        reblogStatus.reblog(lark.id(), post(owl, "Owl, boosted by lark", Visibility.PUBLIC, null).id());
        for (int i = 1; i <= 15; i++) {
            post(owl, "Owl post " + i, Visibility.PUBLIC, null);
        }
        reblogStatus.reblog(owl.id(), post(lark, "Lark, boosted by owl", Visibility.PUBLIC, null).id());
        Status shortThread = post(lark, "A short thread", Visibility.PUBLIC, null);
        post(owl, "The only reply", Visibility.PUBLIC, shortThread.id());
        Status longThread = post(owl, "A long thread", Visibility.PUBLIC, null);
        long parent = longThread.id();
        for (int i = 1; i <= 8; i++) {
            parent = post(i % 2 == 0 ? owl : lark, "Reply " + i, Visibility.PUBLIC, parent).id();
        }

        assertThat(Jsoup.parse(get("/@pageowl", HTML).body()).select("article.post")).hasSizeGreaterThan(15);
        int fewPosts = queries("/@pagelark");
        assertThat(fewPosts).as("statements are counted").isPositive();
        assertThat(queries("/@pageowl")).isEqualTo(fewPosts);
        assertThat(queries("/@pageowl/" + longThread.id())).isEqualTo(queries("/@pagelark/" + shortThread.id()));
    }

    private int queries(String path) {
        String key = "queries-" + ids.next();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Accept", HTML).header(QueryCounter.HEADER, key).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return QueryCounter.count(key);
    }

    private Account account(String username) {
        return accounts.findLocal(username).orElseThrow();
    }

    private Status post(Account author, String text, Visibility visibility, Long inReplyToId) {
        return postStatus.post(new PostStatus.Command(author.id(), text, null, false, visibility, "en", inReplyToId,
                null));
    }

    private static String meta(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }

    private HttpResponse<String> get(String path, String accept) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
