-- What moderators and admins did, for the audit log and the public health page (actions in the last 30 days).
CREATE TABLE admin_action_logs (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      REFERENCES accounts (id) ON DELETE SET NULL, -- who acted; NULL = the command line
    action              TEXT        NOT NULL CHECK (action <> ''),               -- e.g. suspend, resolve_report
    target_type         TEXT        NOT NULL CHECK (target_type <> ''),          -- Account, Report, DomainBlock, ...
    target_id           TEXT        NOT NULL,
    summary             TEXT        NOT NULL DEFAULT '',                         -- readable: whom or what it touched
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX admin_action_logs_created_idx ON admin_action_logs (created_at DESC);
CREATE INDEX admin_action_logs_target_idx ON admin_action_logs (target_type, target_id);

-- Every backup and every verified restore, successful or not: the health page shows the age of the last good one,
-- and a failed one is reported to the operator.
CREATE TABLE backup_runs (
    id                  BIGINT PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('backup', 'verify')),
    location            TEXT        NOT NULL DEFAULT '',                         -- directory or s3:// address
    succeeded           BOOLEAN,                                                 -- NULL while it runs
    message             TEXT        NOT NULL DEFAULT '',                         -- what failed, or a summary
    bytes               BIGINT,
    started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at         TIMESTAMPTZ
);

CREATE INDEX backup_runs_kind_idx ON backup_runs (kind, finished_at DESC) WHERE succeeded;
