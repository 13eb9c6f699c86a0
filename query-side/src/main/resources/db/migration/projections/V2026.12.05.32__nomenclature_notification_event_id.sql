-- Each nomenclature entry is now its own aggregate, so an event's sequence number is per entry and no
-- longer identifies it: a notification is keyed by the identifier of its event instead (its id is derived
-- from recipient, event identifier and kind; the primary key keeps a redelivered event from adding it
-- twice). Rows written before keep their key and have no event identifier.
ALTER TABLE notification ADD COLUMN source_event_id VARCHAR(100);
ALTER TABLE notification DROP CONSTRAINT notification_once;
