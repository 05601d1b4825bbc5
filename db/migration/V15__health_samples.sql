-- One row per minute in which at least one process of the server was running: uptime is the share of minutes
-- with a row. Every process writes the current minute; ON CONFLICT DO NOTHING makes them one sample.
CREATE TABLE uptime_heartbeats (
    minute              TIMESTAMPTZ PRIMARY KEY
);

-- Each queue's waiting latency (age of its oldest job), sampled once a minute, for the 24-hour p95 on the health page.
CREATE TABLE queue_latency_samples (
    queue               TEXT        NOT NULL,
    minute              TIMESTAMPTZ NOT NULL,
    latency_ms          BIGINT      NOT NULL CHECK (latency_ms >= 0),
    PRIMARY KEY (queue, minute)
);

CREATE INDEX queue_latency_samples_minute_idx ON queue_latency_samples (minute);

-- Alerts sent to the operator's webhook, one row per event: the process that inserts the row sends it, no other.
CREATE TABLE health_alerts (
    event_key           TEXT PRIMARY KEY,
    sent_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
