package social.tsubame.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.account.Accounts;
import social.tsubame.admin.CommandRunner.Result;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.federation.inbound.RemoteActors;
import social.tsubame.queue.DeadLetter;
import social.tsubame.queue.JobStreams;
import social.tsubame.queue.QueueName;
import social.tsubame.queue.RedisConnections;
import social.tsubame.queue.RedisKeys;
import social.tsubame.testing.FakeRemoteServer;
import social.tsubame.testing.LocalUsers;
import social.tsubame.testing.TsubameTest;
import social.tsubame.timeline.HomeFeeds;

/** The operator's housekeeping commands on real rows, feeds and remote servers. */
@TsubameTest
@TestPropertySource(properties = "tsubame.federation.allowed-private-addresses=127.0.0.0/8")
class HousekeepingCommandsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Autowired
    CreateLocalAccount createLocalAccount;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TimeOrderedIds ids;

    @Autowired
    HomeFeeds homeFeeds;

    @Autowired
    RedisConnections redis;

    @Autowired
    RedisKeys keys;

    @Autowired
    RemoteActors remoteActors;

    @Autowired
    JobStreams streams;

    private Result admin(String... args) {
        return CommandRunner.withBeansOf(context, args);
    }

    private long local(String username) {
        LocalUsers.ensure(createLocalAccount, accounts, username);
        return accounts.findLocal(username).orElseThrow().id();
    }

    private long post(long accountId, String text) {
        long id = ids.next();
        jdbc.update("""
                INSERT INTO statuses (id, account_id, uri, text, content, local, visibility)
                VALUES (?, ?, ?, ?, ?, true, 'public')""", id, accountId, "https://test.example/statuses/" + id, text,
                "<p>" + text + "</p>");
        return id;
    }

    private void follow(long follower, long target) {
        jdbc.update("INSERT INTO follows (id, account_id, target_account_id) VALUES (?, ?, ?)", ids.next(), follower,
                target);
    }

    @Test
    void aHomeFeedLostFromRedisComesBackWithoutWhatItShouldNotHold() {
        long author = local("feed_author");
        long reader = local("feed_reader");
        long stranger = local("feed_stranger");
        follow(reader, author);
        long followed = post(author, "for my followers");
        long notFollowed = post(stranger, "nobody follows me");
        jdbc.update("UPDATE users SET current_sign_in_at = now() WHERE account_id = ?", reader);
        String feed = keys.key("feed:home:" + reader);
        redis.shared().sync().del(feed);
        redis.shared().sync().zadd(feed, 0, "%019d".formatted(notFollowed));

        Result one = admin("feeds", "rebuild", "--account", "feed_reader");

        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains("Rebuilt the home feed of feed_reader");
        assertThat(homeFeeds.read(reader, null, null, 40)).containsExactly(followed);

        redis.shared().sync().del(feed);
        Result all = admin("feeds", "rebuild");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).containsPattern("\\d+/\\d+ home feeds in .*/s\\)");
        assertThat(homeFeeds.read(reader, null, null, 40)).containsExactly(followed);
        assertThat(admin("feeds", "rebuild", "--account", "nobody").exitCode()).isEqualTo(1);
    }

    @Test
    void corruptedCountersAreRecountedFromTheRows() {
        long author = local("count_author");
        long fan = local("count_fan");
        long booster = local("count_booster");
        follow(fan, author);
        follow(booster, author);
        follow(author, fan);
        long first = post(author, "first");
        post(author, "second");
        long deleted = post(author, "gone");
        jdbc.update("UPDATE statuses SET deleted_at = now() WHERE id = ?", deleted);
        long reply = post(fan, "a reply");
        jdbc.update("UPDATE statuses SET in_reply_to_id = ?, in_reply_to_account_id = ? WHERE id = ?", first, author,
                reply);
        long boost = post(booster, "");
        jdbc.update("UPDATE statuses SET reblog_of_id = ? WHERE id = ?", first, boost);
        jdbc.update("INSERT INTO favourites (id, account_id, status_id) VALUES (?, ?, ?)", ids.next(), fan, first);
        jdbc.update("UPDATE accounts SET followers_count = 57, following_count = 0, statuses_count = 99 WHERE id = ?",
                author);
        jdbc.update("UPDATE statuses SET replies_count = 0, reblogs_count = 12, favourites_count = 7 WHERE id = ?",
                first);

        Result recount = admin("statistics", "recount");

        assertThat(recount.exitCode()).isZero();
        assertThat(recount.out()).contains("accounts in").contains("statuses in").contains("Corrected");
        assertThat(jdbc.queryForMap("SELECT followers_count, following_count, statuses_count FROM accounts "
                + "WHERE id = ?", author)).containsEntry("followers_count", 2).containsEntry("following_count", 1)
                .containsEntry("statuses_count", 2);
        assertThat(jdbc.queryForMap("SELECT replies_count, reblogs_count, favourites_count FROM statuses WHERE id = ?",
                first)).containsEntry("replies_count", 1).containsEntry("reblogs_count", 1)
                .containsEntry("favourites_count", 1);
        assertThat(admin("statistics", "recount").out()).contains("Corrected 0 of").contains("and 0 of");
    }

    @Test
    void reindexFindsAPostWhoseIndexEntryWasLost() throws Exception {
        long author = local("index_author");
        long post = ids.next();
        // The index keeps what the words function said when the post was written: here, nothing. A connection of
        // its own, since each session keeps the function's body with the index once it has used it.
        try (Connection session = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
             Statement sql = session.createStatement()) {
            session.setAutoCommit(false);
            ResultSet words = sql.executeQuery("SELECT pg_get_functiondef("
                    + "'status_search_document(boolean, text, text, text)'::regprocedure)");
            words.next();
            String original = words.getString(1);
            sql.execute("""
                    CREATE OR REPLACE FUNCTION status_search_document(local BOOLEAN, text TEXT, content TEXT,
                                                                      spoiler_text TEXT)
                        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ''::tsvector $$""");
            sql.execute("INSERT INTO statuses (id, account_id, uri, text, local) VALUES (" + post + ", " + author
                    + ", 'https://test.example/statuses/" + post + "', 'the quokka smiles', true)");
            sql.execute(original);
            session.commit();
        }
        assertThat(searchThroughTheIndex("quokka")).doesNotContain(post);

        Result reindex = admin("search", "reindex");

        assertThat(reindex.exitCode()).isZero();
        assertThat(reindex.out()).contains("4/4 search indexes");
        assertThat(searchThroughTheIndex("quokka")).containsExactly(post);
    }

    /** What full-text search finds when it reads the index, as it does on a server with many statuses. */
    private List<Long> searchThroughTheIndex(String query) {
        String search = """
                SELECT id FROM statuses WHERE deleted_at IS NULL AND reblog_of_id IS NULL
                  AND status_search_document(local, text, content, spoiler_text) @@ websearch_to_tsquery('simple', ?)
                """;
        return transactions.execute(transaction -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            jdbc.execute("SET LOCAL enable_indexscan = off");
            jdbc.execute("SET LOCAL enable_indexonlyscan = off");
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + search, String.class, query));
            assertThat(plan).contains("statuses_search_idx");
            return jdbc.queryForList(search, Long.class, query);
        });
    }

    @Test
    void remoteProfilesAreFetchedAgain() throws Exception {
        try (FakeRemoteServer remote = FakeRemoteServer.start("127.0.0.61")) {
            FakeRemoteServer.Actor dana = remote.actor("dana");
            FakeRemoteServer.Actor erin = remote.actor("erin");
            remoteActors.fetch(dana.uri());
            remoteActors.fetch(erin.uri());
            remote.reviseActor(dana, "name", "Dana Renamed");

            Result one = admin("accounts", "refresh", "dana@" + remote.domain());

            assertThat(one.exitCode()).isZero();
            assertThat(one.out()).contains("1/1 remote accounts").contains("Refreshed 1,");
            assertThat(displayNameOf(dana)).isEqualTo("Dana Renamed");

            remote.reviseActor(dana, "name", "Dana Again");
            remote.failDocumentOf(erin, 410);
            Result domain = admin("accounts", "refresh", "--domain", remote.domain());

            assertThat(domain.exitCode()).isZero();
            assertThat(domain.out()).contains("Refreshed 1, gone or refused 1, failed for now 0");
            assertThat(displayNameOf(dana)).isEqualTo("Dana Again");
            assertThat(admin("accounts", "refresh", "nobody@nowhere.example").exitCode()).isEqualTo(1);
            assertThat(admin("accounts", "refresh", "not-a-handle").exitCode()).isEqualTo(2);
        }
    }

    private String displayNameOf(FakeRemoteServer.Actor actor) {
        return jdbc.queryForObject("SELECT display_name FROM accounts WHERE uri = ?", String.class, actor.uri());
    }

    @Test
    void deadLettersAreListedShownAndReplayed() {
        String type = "test.nobody-handles-this";
        streams.add(QueueName.DEFAULT, type, "{\"key\":\"lost\"}", Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(type).isPresent());
        String id = deadLetterOf(type).orElseThrow();

        Result listed = admin("queues", "dead", "default");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(id).contains(type).contains("No handler").contains("{\"key\":\"lost\"}");
        assertThat(admin("queues", "show", "default", id).out()).contains("type:       " + type);

        Result replayed = admin("queues", "replay", "default", id);

        assertThat(replayed.exitCode()).isZero();
        assertThat(replayed.out()).contains("Replayed 1 of 1");
        assertThat(admin("queues", "show", "default", id).exitCode()).as("replayed once").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).alias("the job ran again, and with no handler died again")
                .until(() -> deadLetterOf(type).filter(again -> !again.equals(id)).isPresent());
        Result again = admin("queues", "replay", "default", id);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("No dead letter " + id);
    }

    private Optional<String> deadLetterOf(String type) {
        return streams.deadLetters(QueueName.DEFAULT, 1000).stream()
                .filter(letter -> letter.job().type().equals(type))
                .map(DeadLetter::id)
                .reduce((older, newer) -> newer);
    }

    @Test
    void helpNamesEveryHousekeepingCommandAndTheDeadLetters() {
        assertThat(admin("--help").out()).contains("feeds").contains("statistics").contains("media")
                .contains("search").contains("queues");
        assertThat(admin("queues", "--help").out().replaceAll("\\s+", " ")).contains("'queues dead <queue>' lists")
                .contains("'queues replay <queue>");
        assertThat(admin("accounts", "--help").out()).contains("refresh");
    }
}
