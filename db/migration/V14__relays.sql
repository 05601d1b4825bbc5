-- Relays the server's instance actor follows: it sends them its public posts and takes in what they pass on.
CREATE TABLE relays (
    id                  BIGINT PRIMARY KEY,
    inbox_url           TEXT        NOT NULL UNIQUE,
    state               TEXT        NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'accepted', 'rejected', 'idle')),
    follow_activity_id  TEXT        UNIQUE,                       -- id of the Follow we sent
    actor_uri           TEXT,                                     -- the relay's actor, known from its answer
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX relays_accepted_actor_idx ON relays (actor_uri) WHERE state = 'accepted';
