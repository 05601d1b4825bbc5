package social.tsubame.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import social.tsubame.oauth.SecretHashes;
import social.tsubame.testing.ApiClient;

/**
 * The people of a benchmark. The few who act sign up through the API like anyone; the many who only follow are
 * written into PostgreSQL in batches, since signing up ten thousand people would measure password hashing.
 */
final class BenchPeople {

    private static final int BATCH = 1_000;
    /** Ids from days ago: time-ordered like the server's own, and never equal to one it makes now. */
    private static final AtomicLong nextId = new AtomicLong(
            (Instant.now().minus(Duration.ofDays(3)).toEpochMilli() << 16));

    private BenchPeople() {
    }

    static long nextId() {
        return nextId.addAndGet(1);
    }

    /** A person who signs up through the API (registrations must be open); returns their token. */
    static String signUp(ApiClient api, String username) {
        ApiClient.App app = api.registerApp("read write follow");
        String appToken = api.postForm("/oauth/token", null, Map.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "scope", "read write follow"))
                .json().get("access_token").asString();
        ApiClient.Response signedUp = api.postForm("/api/v1/accounts", appToken, Map.of("username", username,
                "email", username + "@bench.example", "password", "bench password " + username,
                "agreement", "true", "locale", "en"));
        if (signedUp.status() != 200) {
            throw new IllegalStateException("Sign-up of " + username + " failed: " + signedUp.body());
        }
        return signedUp.json().get("access_token").asString();
    }

    static long accountId(ApiClient api, String token) {
        return Long.parseLong(api.get("/api/v1/accounts/verify_credentials", token).json().get("id").asString());
    }

    /** Local people who came by just now (so fan-out includes them), named {@code <prefix><n>}; returns their ids. */
    static List<Long> localPeople(Connection db, String prefix, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement accounts = db.prepareStatement(
                     "INSERT INTO accounts (id, username) VALUES (?, ?)");
             PreparedStatement users = db.prepareStatement("""
                     INSERT INTO users (id, account_id, email, approved, confirmed_at, current_sign_in_at)
                     VALUES (?, ?, ?, true, now(), now())""")) {
            for (int i = 0; i < count; i++) {
                long id = nextId();
                ids.add(id);
                accounts.setLong(1, id);
                accounts.setString(2, prefix + i);
                accounts.addBatch();
                users.setLong(1, nextId());
                users.setLong(2, id);
                users.setString(3, prefix + i + "@bench.example");
                users.addBatch();
                if ((i + 1) % BATCH == 0) {
                    accounts.executeBatch();
                    users.executeBatch();
                }
            }
            accounts.executeBatch();
            users.executeBatch();
        }
        return ids;
    }

    /**
     * An access token with {@code scopes} of the app for each of the local people, written as the server stores
     * tokens (their SHA-256); returns the tokens by account id.
     */
    static Map<Long, String> tokens(Connection db, String clientId, String scopes, List<Long> accountIds)
            throws SQLException {
        Map<Long, String> tokens = new LinkedHashMap<>();
        try (PreparedStatement users = db.prepareStatement("""
                     SELECT u.id, u.account_id, a.id AS application_id FROM users u, oauth_applications a
                     WHERE u.account_id = ANY (?) AND a.client_id = ?""");
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO oauth_access_tokens (id, application_id, resource_owner_id, token_hash, scopes)
                     VALUES (?, ?, ?, ?, ?)""")) {
            users.setArray(1, db.createArrayOf("bigint", accountIds.toArray()));
            users.setString(2, clientId);
            try (ResultSet rows = users.executeQuery()) {
                int n = 0;
                while (rows.next()) {
                    String token = SecretHashes.newSecret();
                    tokens.put(rows.getLong("account_id"), token);
                    insert.setLong(1, nextId());
                    insert.setLong(2, rows.getLong("application_id"));
                    insert.setLong(3, rows.getLong("id"));
                    insert.setString(4, SecretHashes.hash(token));
                    insert.setString(5, scopes);
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return tokens;
    }

    /**
     * A remote account of {@code domain} whose deliveries go to the domain's shared inbox.
     *
     * @param publicKeyPem its published key, so its signatures check out without fetching it; null if it never signs
     */
    record Remote(String username, String domain, String publicKeyPem) {

        Remote(String username, String domain) {
            this(username, domain, null);
        }

        String uri() {
            return "http://" + domain + "/users/" + username;
        }

        String keyId() {
            return uri() + "#main-key";
        }
    }

    /** Writes remote accounts; returns their ids in the same order. */
    static List<Long> remotePeople(Connection db, List<Remote> people) throws SQLException {
        List<Long> ids = new ArrayList<>(people.size());
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO accounts (id, username, domain, uri, url, inbox_url, shared_inbox_url, public_key,
                                      public_key_id, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")) {
            int n = 0;
            for (Remote person : people) {
                long id = nextId();
                ids.add(id);
                insert.setLong(1, id);
                insert.setString(2, person.username());
                insert.setString(3, person.domain());
                insert.setString(4, person.uri());
                insert.setString(5, person.uri());
                insert.setString(6, person.uri() + "/inbox");
                insert.setString(7, "http://" + person.domain() + "/inbox");
                insert.setString(8, person.publicKeyPem() == null ? "" : person.publicKeyPem());
                insert.setString(9, person.publicKeyPem() == null ? null : person.keyId());
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return ids;
    }

    /** Each of {@code followers} follows {@code followed}. */
    static void follow(Connection db, List<Long> followers, long followed) throws SQLException {
        follow(db, followers.stream().map(follower -> new long[] {follower, followed}).toList());
        try (PreparedStatement count = db.prepareStatement(
                "UPDATE accounts SET followers_count = followers_count + ? WHERE id = ?")) {
            count.setInt(1, followers.size());
            count.setLong(2, followed);
            count.executeUpdate();
        }
    }

    /** Follows given as pairs of follower and followed id. */
    static void follow(Connection db, List<long[]> pairs) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            int n = 0;
            for (long[] pair : pairs) {
                insert.setLong(1, nextId());
                insert.setLong(2, pair[0]);
                insert.setLong(3, pair[1]);
                insert.setTimestamp(4, now);
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
