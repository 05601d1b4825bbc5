-- What moderators do with a report: the rules it names, who resolved it, and the notes they leave for each other.
ALTER TABLE reports
    ADD COLUMN rule_ids                   BIGINT[] NOT NULL DEFAULT '{}',  -- server rules broken, for 'violation'
    ADD COLUMN action_taken_by_account_id BIGINT   REFERENCES accounts (id) ON DELETE SET NULL; -- who resolved it

CREATE TABLE report_notes (
    id                  BIGINT PRIMARY KEY,
    report_id           BIGINT      NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    account_id          BIGINT      REFERENCES accounts (id) ON DELETE SET NULL, -- the moderator; NULL = command line
    content             TEXT        NOT NULL CHECK (content <> ''),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX report_notes_report_idx ON report_notes (report_id, id);
CREATE INDEX reports_target_idx ON reports (target_account_id, id DESC);
