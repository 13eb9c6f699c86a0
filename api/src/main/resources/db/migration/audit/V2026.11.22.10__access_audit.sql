-- The access audit (G03): one row per authenticated GraphQL request (who, what, which objects, which
-- org units, when, with what outcome), written by AccessAuditLog. Kept apart from the domain event
-- stream: it records reads as well as changes, and refusals that changed nothing.
--
-- Append-only. Rows leave access_audit only through the monthly archiving (AccessAuditArchiver),
-- which moves them, ids unchanged, into access_audit_archive inside a transaction that did
-- SET LOCAL marc.audit_archiving = 'on'. Nothing ever updates or deletes an archived row.
CREATE TABLE access_audit (
    id                 BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 TIMESTAMPTZ  NOT NULL,
    -- the MARC account, null when the token's identity is linked to none
    user_id            UUID,
    -- the identity provider's identity (token iss + sub)
    issuer             TEXT,
    subject            TEXT,
    -- the roles the account held for this request
    roles              TEXT[]       NOT NULL DEFAULT '{}',
    caller_org_unit_id UUID,
    -- null when the document could not be parsed or names no runnable operation
    operation_type     VARCHAR(12)  CHECK (operation_type IN ('query', 'mutation', 'subscription')),
    -- top-level field names of the operation run, e.g. {createOrgUnit}
    operations         TEXT[]       NOT NULL DEFAULT '{}',
    -- the client's operation name
    operation_name     TEXT,
    -- objects read or changed, and the org units they belong to
    objects            UUID[]       NOT NULL DEFAULT '{}',
    org_units          UUID[]       NOT NULL DEFAULT '{}',
    outcome            VARCHAR(12)  NOT NULL
        CHECK (outcome IN ('OK', 'DENIED', 'UNAUTHORIZED', 'INVALID', 'CONFLICT', 'NOT_FOUND', 'ERROR')),
    -- extensions.code of the response's errors
    error_codes        TEXT[]       NOT NULL DEFAULT '{}',
    -- authorization refusals: which operation, which object, why
    denials            TEXT[]       NOT NULL DEFAULT '{}',
    correlation_id     TEXT,
    client_address     TEXT,
    duration_ms        INTEGER      NOT NULL
);
-- newest first, keyset (cursor) pagination, period filter
CREATE INDEX access_audit_at ON access_audit (at DESC, id DESC);
CREATE INDEX access_audit_user ON access_audit (user_id, at DESC, id DESC);
CREATE INDEX access_audit_caller_org_unit ON access_audit (caller_org_unit_id, at DESC, id DESC);
CREATE INDEX access_audit_operations ON access_audit USING GIN (operations);
CREATE INDEX access_audit_org_units ON access_audit USING GIN (org_units);

-- Same columns, same order (the archiver moves rows with INSERT ... SELECT); the id is the id the
-- row had online, so an entry keeps its identity (and cursor) when it is archived.
CREATE TABLE access_audit_archive (
    LIKE access_audit INCLUDING DEFAULTS INCLUDING CONSTRAINTS
);
ALTER TABLE access_audit_archive ADD PRIMARY KEY (id);
CREATE INDEX access_audit_archive_at ON access_audit_archive (at DESC, id DESC);
CREATE INDEX access_audit_archive_user ON access_audit_archive (user_id, at DESC, id DESC);
CREATE INDEX access_audit_archive_caller_org_unit ON access_audit_archive (caller_org_unit_id, at DESC, id DESC);
CREATE INDEX access_audit_archive_operations ON access_audit_archive USING GIN (operations);
CREATE INDEX access_audit_archive_org_units ON access_audit_archive USING GIN (org_units);

CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'access_audit'
            AND coalesce(current_setting('marc.audit_archiving', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The access audit is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
    FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
CREATE TRIGGER access_audit_archive_append_only BEFORE UPDATE OR DELETE ON access_audit_archive
    FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
CREATE TRIGGER access_audit_archive_no_truncate BEFORE TRUNCATE ON access_audit_archive
    FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
