-- The access audit records changes in the change's own transaction (issue 8, finding 5): besides the
-- request-level row written after a request (AccessAuditInterceptor, best effort), every command a
-- request sends appends a command row (CommandAuditInterceptor) inside the command's unit of work,
-- i.e. in the same PostgreSQL transaction as the events it produces: an acknowledged change always
-- has its row, and a row never exists for a change that was rolled back.
--
--   command               the command's type (e.g. CreateOrgUnit); null on request-level rows
--   aggregate_id          the aggregate the command was sent to
--   client_correlation_id the client's X-Correlation-Id when it sent an acceptable one (validated:
--                         1-64 characters of A-Z a-z 0-9 . _ : -); correlation_id is MARC's own id
--                         for the request, which links a command row to its request-level row
--
-- ADD COLUMN fires no row trigger: both tables stay append-only. Same columns on the archive (the
-- archiver names its columns).
ALTER TABLE access_audit
    ADD COLUMN command               TEXT,
    ADD COLUMN aggregate_id          TEXT,
    ADD COLUMN client_correlation_id TEXT;
ALTER TABLE access_audit_archive
    ADD COLUMN command               TEXT,
    ADD COLUMN aggregate_id          TEXT,
    ADD COLUMN client_correlation_id TEXT;

CREATE INDEX access_audit_correlation ON access_audit (correlation_id);
CREATE INDEX access_audit_archive_correlation ON access_audit_archive (correlation_id);
