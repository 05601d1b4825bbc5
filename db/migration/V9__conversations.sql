-- Mastodon's conversations: for each local participant of direct statuses, one conversation per thread and set of
-- other participants, holding the direct statuses that belong to it.
CREATE TABLE account_conversations (
    id                       BIGINT PRIMARY KEY,
    account_id               BIGINT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    thread_id                BIGINT   NOT NULL,                  -- the first known status of the thread
    participant_account_ids  BIGINT[] NOT NULL,                  -- sorted, without the owner
    last_status_id           BIGINT   NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    unread                   BOOLEAN  NOT NULL DEFAULT false,
    CONSTRAINT account_conversations_thread_participants_key
        UNIQUE (account_id, thread_id, participant_account_ids)
);
CREATE INDEX account_conversations_account_last_status_idx ON account_conversations (account_id, last_status_id DESC);

CREATE TABLE account_conversation_statuses (
    account_conversation_id  BIGINT NOT NULL REFERENCES account_conversations (id) ON DELETE CASCADE,
    status_id                BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    PRIMARY KEY (account_conversation_id, status_id)
);
CREATE INDEX account_conversation_statuses_status_idx ON account_conversation_statuses (status_id);
