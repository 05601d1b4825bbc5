-- A local account is told of a moderator's warning to it, as Mastodon's moderation_warning notification.
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
    CHECK (type IN ('mention', 'status', 'reblog', 'follow', 'follow_request', 'favourite', 'poll', 'update',
                    'reaction', 'admin.sign_up', 'admin.report', 'moderation_warning'));
ALTER TABLE notifications ADD COLUMN account_warning_id BIGINT REFERENCES account_warnings (id) ON DELETE CASCADE;
