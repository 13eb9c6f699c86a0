-- Which command-side lookups (CommandLookup) have been built from the event store. A lookup without
-- a row here is emptied and rebuilt at the next start-up (CommandLookups); a migration that re-keys
-- streams or changes a lookup's shape deletes its row.
CREATE TABLE command_lookup_build (
    name     text PRIMARY KEY,
    built_at timestamptz NOT NULL
);
