-- Files of remote media kept here (attachments of remote posts, avatars and headers of remote accounts): how much
-- each weighs and when it came, so that the oldest go first when the cache is past its budget or its age. The row
-- that names a file (media_attachments.file_key, accounts.avatar_file / header_file) is cleared when the file goes,
-- and clients are pointed at the remote URL again. A row here outlives the row that named its file (SET NULL): the
-- file stays counted until it is removed.
CREATE TABLE cached_remote_files (
    file_key            TEXT PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('attachment', 'avatar', 'header')),
    media_attachment_id BIGINT      REFERENCES media_attachments (id) ON DELETE SET NULL,
    account_id          BIGINT      REFERENCES accounts (id) ON DELETE SET NULL,
    byte_size           BIGINT      NOT NULL CHECK (byte_size >= 0),
    cached_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- oldest first: ORDER BY cached_at, file_key
CREATE INDEX cached_remote_files_age_idx ON cached_remote_files (cached_at, file_key);
-- the SET NULL cascades
CREATE INDEX cached_remote_files_attachment_idx ON cached_remote_files (media_attachment_id)
    WHERE media_attachment_id IS NOT NULL;
CREATE INDEX cached_remote_files_account_idx ON cached_remote_files (account_id) WHERE account_id IS NOT NULL;
