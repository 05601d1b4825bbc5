-- The server's rules, as its operators word them: shown on /about and in /api/v1/instance and /api/v2/instance,
-- in position order. Kept apart from the numbered feature migrations (V100 and up) so that parallel work on the
-- schema does not compete for the same version.
CREATE TABLE server_rules (
    id         BIGINT PRIMARY KEY,
    text       TEXT        NOT NULL CHECK (text <> ''),
    hint       TEXT        NOT NULL DEFAULT '',              -- a longer explanation, optional
    position   INTEGER     NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX server_rules_position_idx ON server_rules (position, id);
