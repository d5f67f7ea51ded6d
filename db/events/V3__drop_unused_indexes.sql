-- Fewer index entries written per event publication (twelve per order, each inserted, updated to
-- "processing" and deleted). Spring Modulith 2.0 completes, fails and resubmits publications by
-- id (the primary key), from the ids it keeps in memory; it looks a publication up by its
-- serialized event and listener only when it has no id for it, and with completed publications
-- deleted the table holds only work in flight or failed: a scan of a few rows. The hash index
-- over the serialized event (about 400 bytes per row, hashed on every INSERT and on every UPDATE
-- of the status, which is indexed too) served only that fallback.
DROP INDEX IF EXISTS events.event_publication_serialized_event_hash_idx;
