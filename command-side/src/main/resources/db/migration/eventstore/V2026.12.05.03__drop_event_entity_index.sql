-- history(id) reads an entity's own stream now (every entity is its own aggregate), through the
-- (aggregate_identifier, sequence_number) unique index: the GIN index over the ids named in payloads is
-- no longer read, and every append paid for it.
DROP INDEX domain_event_entry_entity_ids;
DROP FUNCTION marc_event_entity_ids(BYTEA);
