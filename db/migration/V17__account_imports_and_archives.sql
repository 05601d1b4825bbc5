-- Leaving and arriving: imports of Mastodon's CSV files and archives of a user's posts.

-- A user's CSV import (Mastodon's formats): the file's rows are kept until the import job has done each one, so an
-- accepted import survives any restart and shows its progress.
CREATE TABLE bulk_imports (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    type                TEXT        NOT NULL
                        CHECK (type IN ('following', 'blocking', 'muting', 'domain_blocking', 'bookmarks', 'lists',
                                     'archive')),
    mode                TEXT        NOT NULL CHECK (mode IN ('merge', 'overwrite')),
    state               TEXT        NOT NULL DEFAULT 'scheduled'
                        CHECK (state IN ('scheduled', 'in_progress', 'finished')),
    total_items         INT         NOT NULL,
    processed_items     INT         NOT NULL DEFAULT 0,               -- done or failed
    failed_items        INT         NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at         TIMESTAMPTZ
);

CREATE INDEX bulk_imports_account_idx ON bulk_imports (account_id, id DESC);

CREATE TABLE bulk_import_rows (
    id                  BIGINT PRIMARY KEY,
    bulk_import_id      BIGINT      NOT NULL REFERENCES bulk_imports (id) ON DELETE CASCADE,
    position            INT         NOT NULL,                         -- line order in the file
    data                JSONB       NOT NULL,
    state               TEXT        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    error               TEXT,
    CONSTRAINT bulk_import_rows_position_key UNIQUE (bulk_import_id, position)
);

CREATE INDEX bulk_import_rows_pending_idx ON bulk_import_rows (bulk_import_id, position) WHERE state = 'pending';

-- A user's archive of their posts (ActivityStreams JSON and media files in a zip), made by a job. The file's key is
-- random, not the row's id, as the archive holds followers-only and direct posts too.
CREATE TABLE account_archives (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    file_key            TEXT,                                     -- NULL until the job has written it
    file_size           BIGINT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at         TIMESTAMPTZ
);

CREATE INDEX account_archives_account_idx ON account_archives (account_id, id DESC);

-- A post brought in from an archive keeps the id of the post it was on the server it came from, once per account;
-- such posts were never new here, so nothing delivered or fanned them out.
ALTER TABLE statuses ADD COLUMN imported_from TEXT;

CREATE UNIQUE INDEX statuses_imported_from_key ON statuses (account_id, imported_from) WHERE imported_from IS NOT NULL;
