-- Every move of a local account to another: a record of where its followers went, and what the cooldown between two
-- moves is counted from (as on Mastodon, so followers are not bounced from account to account).
CREATE TABLE account_migrations (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id   BIGINT      REFERENCES accounts (id) ON DELETE SET NULL,
    acct                TEXT        NOT NULL CHECK (acct <> ''),                 -- the target's handle at the time
    followers_count     INTEGER     NOT NULL DEFAULT 0,                          -- local followers moved along
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX account_migrations_account_idx ON account_migrations (account_id, created_at DESC);
