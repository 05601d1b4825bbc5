-- The id of the post a status answers, kept even while that post is unknown here: when it arrives (fetched up the
-- thread, or delivered late) its replies are linked to it.
ALTER TABLE statuses ADD COLUMN in_reply_to_uri TEXT;
CREATE INDEX statuses_in_reply_to_uri_idx ON statuses (in_reply_to_uri) WHERE in_reply_to_uri IS NOT NULL
    AND in_reply_to_id IS NULL;
