-- Read model of the organisation tree and work-unit catalogue, written only by OrgReadModelProjection.
-- last_event_seq is the organisation stream's sequence number of the last event applied to the row:
-- every write is guarded by it, so replaying events changes nothing.
CREATE TABLE org_unit (
    id             UUID         PRIMARY KEY,
    parent_id      UUID,
    name           VARCHAR(200) NOT NULL,
    name_folded    VARCHAR(200) NOT NULL,
    level          INTEGER      NOT NULL,
    county         VARCHAR(2),
    active         BOOLEAN      NOT NULL,
    -- materialised path '/<root>/.../<id>/': a whole subtree is one indexed prefix scan
    path           TEXT         NOT NULL,
    version        BIGINT       NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);
-- children listed by name with keyset (cursor) pagination
CREATE INDEX org_unit_children ON org_unit (parent_id, name_folded, id);

CREATE TABLE work_unit (
    id             UUID         PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    name_folded    VARCHAR(200) NOT NULL,
    retired        BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX work_unit_name ON work_unit (name_folded, id);

CREATE TABLE org_unit_work_unit (
    org_unit_id  UUID        NOT NULL,
    work_unit_id UUID        NOT NULL,
    assigned_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_unit_id, work_unit_id)
);
CREATE INDEX org_unit_work_unit_by_work_unit ON org_unit_work_unit (work_unit_id, org_unit_id);
