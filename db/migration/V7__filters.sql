-- Mastodon's filters (v2): a title, the places it applies to, and what to do with a status that matches one of
-- its keywords or is one of its statuses.
CREATE TABLE custom_filters (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title       TEXT        NOT NULL,
    context     TEXT[]      NOT NULL,                            -- home, notifications, public, thread, account
    action      TEXT        NOT NULL CHECK (action IN ('warn', 'hide')),
    expires_at  TIMESTAMPTZ,                                     -- NULL = indefinite
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX custom_filters_account_idx ON custom_filters (account_id);

CREATE TABLE custom_filter_keywords (
    id          BIGINT PRIMARY KEY,
    filter_id   BIGINT  NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
    keyword     TEXT    NOT NULL,
    whole_word  BOOLEAN NOT NULL DEFAULT true
);
CREATE INDEX custom_filter_keywords_filter_idx ON custom_filter_keywords (filter_id);

CREATE TABLE custom_filter_statuses (
    id          BIGINT PRIMARY KEY,
    filter_id   BIGINT NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    CONSTRAINT custom_filter_statuses_filter_status_key UNIQUE (filter_id, status_id)
);
