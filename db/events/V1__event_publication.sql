-- Spring Modulith's JDBC event publication registry (schema version 2 of Spring Modulith 2.0):
-- the transactional outbox. Completed publications are deleted (completion-mode: delete), so the
-- table holds only work in flight or failed.
CREATE TABLE events.event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);

-- Completing a publication looks it up by its serialized event and listener.
CREATE INDEX event_publication_serialized_event_hash_idx ON events.event_publication USING hash (serialized_event);
-- Finding incomplete, failed and stale publications.
CREATE INDEX event_publication_by_status_idx ON events.event_publication (status, publication_date);
CREATE INDEX event_publication_by_completion_date_idx ON events.event_publication (completion_date);
