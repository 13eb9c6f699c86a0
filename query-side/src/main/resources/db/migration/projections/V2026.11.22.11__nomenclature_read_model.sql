-- Read model of the shared nomenclatures (domains, vulnerable activities with their tasks, documents
-- and risks, reference lists, regulatory causes), written only by NomenclatureReadModelProjection.
-- All these events belong to the single stream "marc-nomenclature", so last_event_seq (that stream's
-- sequence number of the last event applied to the row) guards every write: replaying events
-- changes nothing. Notifications are written only by NotificationProjection.

-- A domain of activity, or a subdomain (parent_id set; one level of subdomains).
CREATE TABLE nomenclature_domain (
    id             UUID         PRIMARY KEY,
    parent_id      UUID,
    name           VARCHAR(300) NOT NULL,
    name_folded    VARCHAR(300) NOT NULL,
    version        BIGINT       NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX nomenclature_domain_children ON nomenclature_domain (parent_id, name_folded, id);

-- Vulnerable activities, their tasks and risks, and the documents of the tasks, with the proposal
-- workflow state.
CREATE TABLE nomenclature_item (
    id                   UUID         PRIMARY KEY,
    kind                 VARCHAR(10)  NOT NULL CHECK (kind IN ('ACTIVITY', 'TASK', 'DOCUMENT', 'RISK')),
    -- the activity of a task or risk, the task of a document; NULL for an activity
    parent_id            UUID,
    -- the owning activity for every kind (itself for an activity): filters by activity are one column
    activity_id          UUID         NOT NULL,
    -- the task of a document
    task_id              UUID,
    name                 VARCHAR(500) NOT NULL,
    name_folded          VARCHAR(500) NOT NULL,
    description          TEXT,
    -- activities only: a domain without subdomains
    domain_id            UUID,
    -- documents only
    periodicity          VARCHAR(20),
    status               VARCHAR(10)  NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'INACTIVE')),
    rejection_reason     TEXT,
    -- the proposing MARC account (text, as in the events) and its org unit
    proposer_user_id     TEXT,
    proposer_org_unit_id UUID,
    -- the county (two-letter code) of the proposer's org unit, looked up in org_unit when proposed:
    -- territorial administrators see the proposals of their counties
    proposer_county      VARCHAR(2),
    version              BIGINT       NOT NULL,
    last_event_seq       BIGINT       NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    -- when and by whom (event metadata "userId") the proposal was accepted or rejected
    decided_at           TIMESTAMPTZ,
    decided_by           TEXT
);
-- tasks and risks of an activity, documents of a task, by name (keyset pagination)
CREATE INDEX nomenclature_item_children ON nomenclature_item (parent_id, kind, name_folded, id);
-- activities of a domain, by name
CREATE INDEX nomenclature_item_domain ON nomenclature_item (domain_id, kind, name_folded, id);
-- everything under an activity
CREATE INDEX nomenclature_item_activity ON nomenclature_item (activity_id, kind);
-- the administrators' queue: pending proposals, oldest first
CREATE INDEX nomenclature_item_proposals ON nomenclature_item (created_at, id) WHERE status = 'PROPOSED';
-- a proposer's own proposals
CREATE INDEX nomenclature_item_proposer ON nomenclature_item (proposer_user_id);

-- The work units of an activity (its tasks, documents and risks inherit them through activity_id).
CREATE TABLE nomenclature_item_work_unit (
    item_id      UUID NOT NULL,
    work_unit_id UUID NOT NULL,
    PRIMARY KEY (item_id, work_unit_id)
);
CREATE INDEX nomenclature_item_work_unit_by_work_unit ON nomenclature_item_work_unit (work_unit_id, item_id);

-- The files attached to an activity, in the proposal's order.
CREATE TABLE nomenclature_attachment (
    activity_id UUID         NOT NULL,
    position    INTEGER      NOT NULL,
    name        VARCHAR(500) NOT NULL,
    reference   TEXT,
    PRIMARY KEY (activity_id, position)
);

-- The simple lists central administrators keep (impact dimensions, effects, act issuers, ...).
CREATE TABLE reference_entry (
    id             UUID         PRIMARY KEY,
    list           VARCHAR(40)  NOT NULL,
    name           VARCHAR(500) NOT NULL,
    name_folded    VARCHAR(500) NOT NULL,
    active         BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX reference_entry_list ON reference_entry (list, name_folded, id);

-- Causes in the field of regulations (Anexa 5): the form's fifteen fields, in the form's order.
CREATE TABLE regulatory_cause (
    id                 UUID         PRIMARY KEY,
    work_unit_id       UUID,
    activity_id        UUID,
    issuer_id          UUID,
    act_type_id        UUID,
    act_number         VARCHAR(50),
    year_in_force      INTEGER      NOT NULL,
    act_status_id      UUID,
    act_title          TEXT,
    article_number     VARCHAR(50),
    additional_info    TEXT,
    extract            TEXT,
    corruption_factors TEXT,
    corruption_threats TEXT,
    recommendations    TEXT,
    proposed_text      TEXT,
    author_user_id     TEXT,
    author_org_unit_id UUID,
    active             BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    last_event_seq     BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX regulatory_cause_listing ON regulatory_cause (created_at, id);
CREATE INDEX regulatory_cause_work_unit ON regulatory_cause (work_unit_id, created_at, id);
CREATE INDEX regulatory_cause_activity ON regulatory_cause (activity_id, created_at, id);

-- The in-application notifications (N02), one row per recipient. source_event_seq is the
-- "marc-nomenclature" sequence number of the event that caused it: a redelivered event creates no
-- duplicate.
CREATE TABLE notification (
    id                UUID         PRIMARY KEY,
    recipient_user_id UUID         NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    title             VARCHAR(500) NOT NULL,
    message           TEXT         NOT NULL,
    subject_id        UUID,
    -- ACTIVITY, TASK, DOCUMENT, RISK or CAUSE
    subject_kind      VARCHAR(20),
    work_unit_names   TEXT[]       NOT NULL DEFAULT '{}',
    activity_name     VARCHAR(500),
    task_name         VARCHAR(500),
    -- the acting account (event metadata "userId")
    actor_user_id     TEXT,
    source_event_seq  BIGINT       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    read_at           TIMESTAMPTZ,
    CONSTRAINT notification_once UNIQUE (recipient_user_id, source_event_seq, kind)
);
-- the inbox, newest first (keyset pagination)
CREATE INDEX notification_inbox ON notification (recipient_user_id, created_at DESC, id DESC);
-- unread notifications and their count
CREATE INDEX notification_unread ON notification (recipient_user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
