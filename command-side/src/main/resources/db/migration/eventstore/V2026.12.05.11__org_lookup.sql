-- The organisation's command-side lookup (ro.marc.command.org.OrgLookup): the org unit tree and the
-- work-unit catalogue as the org aggregates (OrgUnit, WorkUnit) need them to decide rules that span
-- entities: names unique among siblings and in the catalogue, one root, no cycles, an org unit's work
-- units held by its parent. Written in the transaction of every organisation event (CommandLookups);
-- rebuilt from the event store when its row in command_lookup_build is missing. Never read by the
-- query side, never written by anything else.
--
-- Columns are nullable where a stored event could lack the value: the table is rebuilt from whatever
-- the event store holds and must not refuse it. Names are indexed through md5(name_key): the aggregates
-- keep names to 200 characters, but a btree entry must stay small whatever a stored event holds.

CREATE TABLE org_unit_lookup (
    id        uuid PRIMARY KEY,
    parent_id uuid,                       -- null only for the root
    -- materialised path: '/<root id>/.../<parent id>/<id>/'; the subtree of X is every path starting with X's
    path      text    NOT NULL,
    name      text,
    name_key  text,                       -- RomanianText.nameKey(name): what "the same name" means
    level     integer NOT NULL,
    county    text,                       -- County code; inherited below a county structure, never changes
    active    boolean NOT NULL,
    last_seq  bigint  NOT NULL            -- sequence number of the org unit's last applied event (idempotent apply)
);

-- names unique among siblings: a second commit with the same name under one parent fails (answered as CONFLICT)
CREATE UNIQUE INDEX org_unit_lookup_sibling_name ON org_unit_lookup (parent_id, md5(name_key));
-- only one root may ever exist
CREATE UNIQUE INDEX org_unit_lookup_single_root ON org_unit_lookup ((TRUE)) WHERE parent_id IS NULL;
-- subtrees (cycle test, moves, descendants holding a work unit): path LIKE '<path>%'
CREATE INDEX org_unit_lookup_path ON org_unit_lookup (path text_pattern_ops);

CREATE TABLE work_unit_lookup (
    id       uuid PRIMARY KEY,
    name     text,
    name_key text,
    retired  boolean NOT NULL,
    last_seq bigint  NOT NULL
);

-- names unique in the catalogue (retired work units keep theirs)
CREATE UNIQUE INDEX work_unit_lookup_name ON work_unit_lookup (md5(name_key));

-- the work units assigned to each org unit (the root holds the whole catalogue implicitly: no rows)
CREATE TABLE org_unit_work_unit_lookup (
    org_unit_id  uuid NOT NULL,
    work_unit_id uuid NOT NULL,
    PRIMARY KEY (org_unit_id, work_unit_id)
);

CREATE INDEX org_unit_work_unit_lookup_work_unit ON org_unit_work_unit_lookup (work_unit_id);
