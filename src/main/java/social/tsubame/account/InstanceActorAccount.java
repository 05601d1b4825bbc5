package social.tsubame.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.core.PemKeys;
import social.tsubame.core.ServerIdentity;
import social.tsubame.core.TimeOrderedIds;

/**
 * The server's own actor, a {@code Service} that signs fetches made on behalf of nobody in particular (other servers
 * in authorized-fetch mode require one) and follows relays. Its username is the local domain, which
 * {@link CreateLocalAccount} keeps from people. It is made on first use, once, whichever process gets there first.
 */
@Component
public class InstanceActorAccount {

    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final String username;
    private volatile Account cached;

    public InstanceActorAccount(Accounts accounts, JdbcTemplate jdbc, TimeOrderedIds ids, Clock clock,
                                ServerIdentity identity) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.username = identity.localDomain();
    }

    public String username() {
        return username;
    }

    public Account get() {
        Account account = cached;
        if (account == null) {
            account = accounts.findLocal(username).orElseGet(this::create);
            cached = account;
        }
        return account;
    }

    private Account create() {
        PemKeys.PemKeyPair keys = PemKeys.generateRsa();
        // Two processes may race here; the unique index on local usernames lets exactly one row in.
        jdbc.update("""
                INSERT INTO accounts (id, username, actor_type, public_key, private_key, locked, discoverable,
                                      created_at, updated_at)
                VALUES (?, ?, 'Service', ?, ?, true, false, ?, ?)
                ON CONFLICT DO NOTHING
                """, ids.next(), username, keys.publicKeyPem(), keys.privateKeyPem(),
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        return accounts.findLocal(username).orElseThrow();
    }
}
