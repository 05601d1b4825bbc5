package social.tsubame.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.TimeOrderedIds;

/** Accounts of other servers, created or refreshed from their actor documents. */
@Service
public class RemoteAccounts {

    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    public RemoteAccounts(JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates or refreshes the account of an actor; returns its id. An actor that re-created its account under the
     * same handle with a new id takes over the old row, as its handle is what people followed.
     */
    @Transactional
    public long upsert(RemoteActorProfile actor) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE accounts SET uri = ?, updated_at = ?
                WHERE lower(username) = lower(?) AND domain = ? AND uri <> ?
                  AND NOT EXISTS (SELECT 1 FROM accounts WHERE uri = ?)
                """, actor.uri(), now, actor.username(), actor.domain(), actor.uri(), actor.uri());
        // A key id moves with its key: drop it from any other account that still claims it.
        jdbc.update("UPDATE accounts SET public_key_id = NULL WHERE public_key_id = ? AND uri <> ?",
                actor.publicKeyId(), actor.uri());
        return jdbc.queryForObject("""
                INSERT INTO accounts (id, username, domain, uri, actor_type, display_name, note, url, inbox_url,
                                      shared_inbox_url, outbox_url, followers_url, following_url, featured_url,
                                      public_key_id, public_key, locked, bot, discoverable, indexable,
                                      also_known_as, avatar_remote_url, header_remote_url, fields, fetched_at,
                                      created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (uri) DO UPDATE SET
                    username = excluded.username, actor_type = excluded.actor_type,
                    display_name = excluded.display_name, note = excluded.note, url = excluded.url,
                    inbox_url = excluded.inbox_url, shared_inbox_url = excluded.shared_inbox_url,
                    outbox_url = excluded.outbox_url, followers_url = excluded.followers_url,
                    following_url = excluded.following_url, featured_url = excluded.featured_url,
                    public_key_id = excluded.public_key_id, public_key = excluded.public_key,
                    locked = excluded.locked, bot = excluded.bot, discoverable = excluded.discoverable,
                    indexable = excluded.indexable, also_known_as = excluded.also_known_as,
                    avatar_remote_url = excluded.avatar_remote_url, header_remote_url = excluded.header_remote_url,
                    -- a copy of a picture the actor has changed since is not shown; the cache removes its file in
                    -- its turn (media.RemoteMediaCache)
                    avatar_file = CASE WHEN accounts.avatar_remote_url IS NOT DISTINCT FROM excluded.avatar_remote_url
                                       THEN accounts.avatar_file END,
                    header_file = CASE WHEN accounts.header_remote_url IS NOT DISTINCT FROM excluded.header_remote_url
                                       THEN accounts.header_file END,
                    fields = excluded.fields, fetched_at = excluded.fetched_at, updated_at = excluded.updated_at
                RETURNING id
                """, Long.class,
                ids.next(), actor.username(), actor.domain(), actor.uri(), actor.actorType(), nz(actor.displayName()),
                nz(actor.note()), actor.url(), actor.inboxUrl(), actor.sharedInboxUrl(), actor.outboxUrl(),
                actor.followersUrl(), actor.followingUrl(), actor.featuredUrl(), actor.publicKeyId(),
                nz(actor.publicKeyPem()), actor.locked(), actor.bot(), actor.discoverable(), actor.indexable(),
                actor.alsoKnownAs().toArray(String[]::new), actor.avatarUrl(), actor.headerUrl(),
                actor.fieldsJson() == null ? "[]" : actor.fieldsJson(), now, now, now);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
