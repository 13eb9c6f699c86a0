-- Access cut into one aggregate per account and per working group (issue 9). account_access and
-- account_access_role become a CommandLookup ("account_access"): CommandLookups writes them in the
-- transaction of every account event and rebuilds them from the event store when their row in
-- command_lookup_build is missing, so the start-up catch-up and its bookmark go.
DROP TABLE account_access_catch_up;

-- The account's current display name, for the refusals that name another account ("this identity is
-- already linked to the account of ..."). Nullable: a hand-written event or row may lack it.
ALTER TABLE account_access ADD COLUMN display_name TEXT;

-- version is now the account aggregate's own sequence number + 1 and last_event_sequence its own
-- sequence number: rows written from the single access-directory stream are rebuilt (no build row yet).
DELETE FROM command_lookup_build WHERE name = 'account_access';

-- "At least one active central administrator": counted under an advisory transaction lock.
CREATE INDEX account_access_role_by_role ON account_access_role (role, user_id);

-- The CommandLookup "working_group_lookup": one working group per org unit, race-safe through the unique
-- org unit (the second of two racing definitions is refused at commit as WORKING_GROUP_EXISTS).
CREATE TABLE working_group_lookup (
    id                  UUID        PRIMARY KEY,
    org_unit_id         UUID        NOT NULL,
    name                TEXT        NOT NULL,
    -- the group aggregate's sequence number of WorkingGroupDefined (0)
    last_event_sequence BIGINT      NOT NULL,
    CONSTRAINT working_group_lookup_one_per_org_unit UNIQUE (org_unit_id)
);
