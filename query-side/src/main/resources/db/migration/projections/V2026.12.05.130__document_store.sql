-- Issue 11: the document store (ro.marc.query.document). Generated documents (the Anexa 1 PDF of every plan
-- edition, the Anexa 3 PDF of every finalised activity analysis) and, from issue 12, uploaded files.
--
-- Content is addressed by its SHA-256 (lower-case hex): stored once however many documents share it. A
-- document row is the metadata of one document (who, when, which owner, which edition) and names its content.
-- The rows are written by the campaign-documents processing group (and by uploads later); they are never
-- truncated by a projection reset (an uploaded file cannot be rebuilt from events), and a redelivered event
-- writes nothing twice: a generated document has one row per (owner, kind, edition).

CREATE TABLE document_content (
    sha256     CHAR(64) PRIMARY KEY,
    size       BIGINT NOT NULL CHECK (size >= 0),
    content    BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE document (
    id              UUID PRIMARY KEY,
    -- PLAN | ANALYSIS (issue 12: INCIDENT): whose document it is, which decides who may read it
    owner_kind      VARCHAR(20) NOT NULL,
    owner_id        UUID NOT NULL,
    -- the org unit whose readers may read it (the owner's org unit when it was stored)
    org_unit_id     UUID NOT NULL,
    -- ANEXA_1, ANEXA_3, … (issue 12: EVALUATION_REPORT, COURT_DECISION, …)
    kind            VARCHAR(40) NOT NULL,
    -- the owner's edition a generated document renders; NULL for uploads
    edition         INTEGER,
    title           VARCHAR(500) NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    media_type      VARCHAR(255) NOT NULL,
    sha256          CHAR(64) NOT NULL REFERENCES document_content (sha256),
    size            BIGINT NOT NULL,
    -- who published the edition (or uploaded the file); NULL id: MARC itself
    created_by_id   UUID,
    created_by_name VARCHAR(300) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
-- one generated document per owner, kind and edition (a redelivered event stores nothing twice)
CREATE UNIQUE INDEX document_owner_edition ON document (owner_kind, owner_id, kind, edition) WHERE edition IS NOT NULL;
-- an owner's list, newest first
CREATE INDEX document_owner_list ON document (owner_kind, owner_id, created_at DESC);
CREATE INDEX document_sha256 ON document (sha256);

-- The org unit of each owner the group has heard of (a plan from its draft on), so that a plan's document
-- list is authorised by its structure before its first document exists. Filled from the group's own events.
CREATE TABLE document_owner (
    owner_kind     VARCHAR(20) NOT NULL,
    owner_id       UUID NOT NULL,
    org_unit_id    UUID NOT NULL,
    PRIMARY KEY (owner_kind, owner_id)
);
