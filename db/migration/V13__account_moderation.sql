-- A sensitized account's media is shown behind a warning whatever its posts say.
ALTER TABLE accounts ADD COLUMN sensitized_at TIMESTAMPTZ;

-- What a moderator told an account, and which action came with it (Mastodon's account warnings).
CREATE TABLE account_warnings (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      REFERENCES accounts (id) ON DELETE SET NULL, -- the moderator; NULL = command line
    target_account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    action              TEXT        NOT NULL
                        CHECK (action IN ('none', 'disable', 'mark_statuses_as_sensitive', 'delete_statuses',
                                          'sensitive', 'silence', 'suspend')),
    text                TEXT        NOT NULL DEFAULT '',
    report_id           BIGINT      REFERENCES reports (id) ON DELETE SET NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX account_warnings_target_idx ON account_warnings (target_account_id, id DESC);
