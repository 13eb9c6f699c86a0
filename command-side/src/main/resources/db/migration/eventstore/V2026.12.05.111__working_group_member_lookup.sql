-- Working-group membership in the command-side lookup "working_group_lookup" (WorkingGroupLookup): the plan
-- (Anexa 1) names only members of its structure's working group. Rows follow WorkingGroupMemberAdded and
-- WorkingGroupMemberRemoved, guarded by the group's last applied sequence number.
CREATE TABLE working_group_member_lookup (
    working_group_id uuid NOT NULL REFERENCES working_group_lookup (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL,
    PRIMARY KEY (working_group_id, user_id)
);

CREATE INDEX working_group_member_lookup_user ON working_group_member_lookup (user_id);

-- the lookup's shape changed: rebuilt from the event store at the next start (CommandLookups)
DELETE FROM command_lookup_build WHERE name = 'working_group_lookup';
