-- Document ids of incidents are unique across incidents, removed documents included (GET /documents/{id} names
-- one document): the lookup keeps a removed document's row, marked not live, and a unique index settles two
-- attaches racing for one id (the second is refused at commit as DUPLICATE_ID). A content is deleted when no
-- LIVE row holds its hash. The lookup is rebuilt from the events (its build row is deleted).
ALTER TABLE incident_document_lookup ADD COLUMN live boolean NOT NULL DEFAULT true;
CREATE UNIQUE INDEX incident_document_lookup_document ON incident_document_lookup (document_id);
DROP INDEX incident_document_lookup_sha256;
CREATE INDEX incident_document_lookup_live_sha256 ON incident_document_lookup (sha256) WHERE live;
DELETE FROM command_lookup_build WHERE name = 'incident_lookup';
