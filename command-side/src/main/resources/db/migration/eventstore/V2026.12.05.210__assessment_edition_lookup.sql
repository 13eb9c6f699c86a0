-- Risk register (issue 14), command side: the risk assessments' CommandLookup "assessment_edition_lookup"
-- (ro.marc.command.assessment.AssessmentEditionLookup). One row per risk assessment (Anexa 4): its plan, structure,
-- active flag and last finalised edition (AssessmentEdition as JSON), with the current evaluation apart because a
-- re-evaluation during monitoring (RiskEvaluated of the finalised edition) replaces it without a new edition. The
-- named query FinalisedAssessments answers the register's generation (A402) and the monitoring from it. Written in
-- the transaction of every assessment event it handles; never read by the query side. Built from the event store at
-- the first start after this migration.
CREATE TABLE assessment_edition_lookup (
    assessment_id     uuid    PRIMARY KEY,
    plan_id           uuid    NOT NULL,
    org_unit_id       uuid    NOT NULL,
    -- the list's order: work unit name, member name (as the last finalisation named them), assessment id
    work_unit_name    text    NOT NULL,
    member_name       text    NOT NULL,
    active            boolean NOT NULL,
    -- null until first finalised
    finalised_edition integer,
    edition           jsonb,
    -- the current evaluation of the finalised edition (RiskEvaluation): the edition's, or a later re-evaluation's
    evaluation        jsonb,
    -- sequence number of the assessment's last applied event (idempotent apply)
    last_seq          bigint  NOT NULL
);
CREATE INDEX assessment_edition_lookup_plan ON assessment_edition_lookup (plan_id);
