-- Reports of accounts and their statuses, for the moderators: from remote servers (Flag) now, from local users later.
CREATE TABLE reports (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, -- reporter
    target_account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_ids          BIGINT[]    NOT NULL DEFAULT '{}',        -- statuses of the target, as named by the report
    comment             TEXT        NOT NULL DEFAULT '',
    category            TEXT        NOT NULL DEFAULT 'other',
    forwarded           BOOLEAN     NOT NULL DEFAULT false,
    uri                 TEXT        UNIQUE,                       -- Flag activity id; a second delivery adds nothing
    action_taken_at     TIMESTAMPTZ,                              -- resolved
    assigned_account_id BIGINT      REFERENCES accounts (id) ON DELETE SET NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Moderators work through the open reports, newest first, overall and per reported account.
CREATE INDEX reports_open_idx ON reports (id DESC) WHERE action_taken_at IS NULL;
CREATE INDEX reports_target_open_idx ON reports (target_account_id, id DESC) WHERE action_taken_at IS NULL;
CREATE INDEX reports_account_idx ON reports (account_id);

ALTER TABLE notifications
    ADD CONSTRAINT notifications_report_fkey FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE;
CREATE INDEX notifications_report_idx ON notifications (report_id) WHERE report_id IS NOT NULL;
