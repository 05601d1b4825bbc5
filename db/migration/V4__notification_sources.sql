-- What caused a notification: the follow, follow request, favourite, emoji reaction or status edit, or the status
-- itself for a mention, a boost or a new post. Event listeners may run twice; with the cause in a unique key the
-- second run adds nothing.
ALTER TABLE notifications ADD COLUMN source_id BIGINT;
CREATE UNIQUE INDEX notifications_account_type_source_key ON notifications (account_id, type, source_id);

-- The emoji of a reaction notification: a unicode emoji, or a custom emoji's shortcode without colons.
ALTER TABLE notifications ADD COLUMN emoji TEXT;
