-- Search (GET /api/v2/search). Numbered 9 so that migrations written alongside can take 5 to 8.

-- Accounts by a prefix of their username or of any word of their display name, case-insensitive. Trigram indexes
-- answer LIKE patterns wherever they are anchored: lower(username) LIKE 'ali%', lower(display_name) LIKE '% ali%'.
-- pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX accounts_username_trgm_idx ON accounts USING gin (lower(username) gin_trgm_ops);
CREATE INDEX accounts_display_name_trgm_idx ON accounts USING gin (lower(display_name) gin_trgm_ops);

-- Hashtags by a prefix of their name: WHERE lower(name) LIKE 'abc%'
CREATE INDEX tags_name_prefix_idx ON tags (lower(name) text_pattern_ops);

-- The words of a status, for full-text search: the content warning, and the source text of a local status or the
-- sanitized HTML of a remote one without its tags. The 'simple' configuration neither stems nor drops stop words,
-- so it treats every language alike.
CREATE FUNCTION status_search_document(local BOOLEAN, text TEXT, content TEXT, spoiler_text TEXT)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple'::regconfig, spoiler_text || ' '
        || CASE WHEN local THEN text ELSE regexp_replace(content, '<[^>]*>', ' ', 'g') END)
$$;

-- queries repeat the predicate: WHERE deleted_at IS NULL AND reblog_of_id IS NULL
--   AND status_search_document(local, text, content, spoiler_text) @@ websearch_to_tsquery('simple', ?)
CREATE INDEX statuses_search_idx ON statuses USING gin (status_search_document(local, text, content, spoiler_text))
    WHERE deleted_at IS NULL AND reblog_of_id IS NULL;
