-- Entries recorded for an event carry its key: an event handed over again (a redelivery, a
-- resubmission) finds it and adds nothing. Entries for requests have none.
ALTER TABLE audit.entry ADD COLUMN event_key TEXT;
CREATE UNIQUE INDEX entry_event_key ON audit.entry (event_key) WHERE event_key IS NOT NULL;
