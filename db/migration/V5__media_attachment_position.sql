-- The order in which a post's author listed its attachments. Clients upload files in parallel, so the order of
-- the ids is not the order the author chose. NULL for attachments of remote posts, which keep the order of their ids.
ALTER TABLE media_attachments ADD COLUMN position INTEGER;
