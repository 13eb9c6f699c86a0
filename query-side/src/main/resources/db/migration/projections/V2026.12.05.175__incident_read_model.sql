-- incident-postgres (issue 12): the integrity incidents, written only by IncidentReadModelProjection from the
-- incident's own events (they carry every name). Removed risk links and documents are deleted here: they stay in
-- the event store (history). Every write is guarded by incident.last_event_seq (the incident stream's sequence
-- number of the last event applied): a redelivered or replayed event changes nothing.
CREATE TABLE incident (
    id                   UUID PRIMARY KEY,
    title                TEXT        NOT NULL,
    -- RomanianText.fold of the title, the county's name and the org unit's name: the list's sort keys
    title_folded         TEXT        NOT NULL,
    county               VARCHAR(2),
    county_folded        TEXT        NOT NULL,
    org_unit_id          UUID        NOT NULL,
    org_unit_name        TEXT,
    org_unit_name_folded TEXT        NOT NULL,
    type                 VARCHAR(20) NOT NULL,
    -- the type's place in the case's course (indictment 0, conviction 1, acquittal 2): the TYPE sort key
    type_rank            INTEGER     NOT NULL,
    incident_date        DATE,
    file_number          TEXT,
    file_registered_on   DATE,
    content              TEXT,
    archived             BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the account that recorded it (event metadata userId); its name is read at query time
    recorded_by          UUID,
    version              BIGINT      NOT NULL,
    last_event_seq       BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_org_unit ON incident (org_unit_id);
CREATE INDEX incident_date_order ON incident (incident_date DESC, id DESC) WHERE NOT archived;

-- The live risk links (§4.4, UCA 51); position: the sequence number of the event that made the link (the order shown).
CREATE TABLE incident_risk_link (
    incident_id    UUID    NOT NULL,
    link_id        UUID    NOT NULL,
    position       BIGINT  NOT NULL,
    org_unit_id    UUID,
    org_unit_name  TEXT,
    work_unit_id   UUID,
    work_unit_name TEXT,
    domain_id      UUID,
    domain_name    TEXT,
    activity_id    UUID,
    activity_name  TEXT,
    risk_id        UUID,
    risk_name      TEXT,
    -- the CategoryRecord list as the event holds it
    categories     JSONB   NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (incident_id, link_id)
);
CREATE INDEX incident_risk_link_activity ON incident_risk_link (activity_id, incident_id);
CREATE INDEX incident_risk_link_risk ON incident_risk_link (risk_id, incident_id);
CREATE INDEX incident_risk_link_work_unit ON incident_risk_link (work_unit_id, incident_id);
CREATE INDEX incident_risk_link_domain ON incident_risk_link (domain_id, incident_id);

-- The live documents (UCA 46, 48, 50); the content is in the command side's file store (incident_file, by sha256).
-- A document id is chosen by the client and unique within its incident: the key is the pair.
CREATE TABLE incident_document (
    incident_id      UUID        NOT NULL,
    document_id      UUID        NOT NULL,
    position         BIGINT      NOT NULL,
    kind             VARCHAR(30) NOT NULL,
    title            TEXT,
    summary          TEXT,
    file_name        TEXT,
    media_type       TEXT,
    sha256           VARCHAR(64) NOT NULL,
    size             BIGINT      NOT NULL,
    uploaded_by_name TEXT,
    uploaded_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, document_id)
);
CREATE INDEX incident_document_by_id ON incident_document (document_id);
