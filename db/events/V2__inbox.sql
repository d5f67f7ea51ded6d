-- Events received from Kafka (when modules run in separate processes), one row per message:
-- a message delivered again finds its row and is dropped. Its id hashes topic, key and payload.
CREATE TABLE events.inbox (
    message_id  TEXT PRIMARY KEY,
    topic       TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
