-- Integrity incidents (issue 12), command side (package ro.marc.command.incident).
--
-- The contents of incident documents (JdbcIncidentFiles): one row per distinct SHA-256, written in the
-- transaction of the attaching command (a refused command stores nothing) and deleted with the last document
-- of any incident that holds it (IncidentLookup, in the removal's transaction). In PostgreSQL rather than on the
-- /storage disk of one application server: both nodes read what either wrote, and it is backed up and restored
-- with the events that name it. At most 20 MiB per file (IncidentFiles.MAX_SIZE).
CREATE TABLE incident_file (
    sha256      text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size        bigint      NOT NULL CHECK (size > 0 AND size <= 20971520),
    media_type  text        NOT NULL,
    content     bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- the content is read whole, never searched: keep it out of line, uncompressed (PDFs, images and office
-- documents are compressed already)
ALTER TABLE incident_file ALTER COLUMN content SET STORAGE EXTERNAL;

-- The incidents' CommandLookup "incident_lookup" (IncidentLookup): one row per incident with what the named
-- query MaterialisedRisks answers (Anexa 4 asks it before accepting a probability score), its live risk links
-- and its live documents (whose hashes keep a file's content). Never read by the query side.
CREATE TABLE incident_lookup (
    incident_id   uuid    PRIMARY KEY,
    title         text    NOT NULL,
    county        text    NOT NULL,
    org_unit_id   uuid    NOT NULL,
    org_unit_name text    NOT NULL,
    -- INDICTMENT, CONVICTION or ACQUITTAL
    type          text    NOT NULL,
    incident_date date    NOT NULL,
    archived      boolean NOT NULL DEFAULT false,
    -- sequence number of the incident's last applied event (idempotent apply)
    last_seq      bigint  NOT NULL
);

-- live links only: an unlinked one (an administrator, an acquittal) is deleted, the history keeps it
CREATE TABLE incident_risk_link_lookup (
    incident_id   uuid NOT NULL REFERENCES incident_lookup (incident_id) ON DELETE CASCADE,
    link_id       uuid NOT NULL,
    risk_id       uuid NOT NULL,
    org_unit_id   uuid NOT NULL,
    org_unit_name text NOT NULL,
    PRIMARY KEY (incident_id, link_id)
);
CREATE INDEX incident_risk_link_lookup_risk ON incident_risk_link_lookup (risk_id);

-- live documents only: the content of a hash no row holds any more is deleted
CREATE TABLE incident_document_lookup (
    incident_id uuid NOT NULL REFERENCES incident_lookup (incident_id) ON DELETE CASCADE,
    document_id uuid NOT NULL,
    sha256      text NOT NULL,
    PRIMARY KEY (incident_id, document_id)
);
CREATE INDEX incident_document_lookup_sha256 ON incident_document_lookup (sha256);
