-- assessment-postgres: the risk assessments (Anexa 4), one row per assessment with the names its own events carry
-- (as started, or as the last finalised edition resolved them), its current content as JSON and its current
-- evaluation exactly as the command side computed it (the columns beside it serve filters, facets and the dry run).
CREATE TABLE risk_assessment (
    id                   uuid PRIMARY KEY,
    plan_id              uuid NOT NULL,
    plan_purpose         text NOT NULL,
    org_unit_id          uuid NOT NULL,
    org_unit_name        text NOT NULL,
    county               text,
    work_unit_id         uuid NOT NULL,
    work_unit_name       text NOT NULL,
    domain_id            uuid,
    domain_name          text,
    activity_id          uuid NOT NULL,
    activity_name        text NOT NULL,
    risk_id              uuid NOT NULL,
    risk_name            text NOT NULL,
    member_user_id       uuid NOT NULL,
    member_name          text NOT NULL,
    status               text NOT NULL,
    active               boolean NOT NULL DEFAULT TRUE,
    -- the edition the content is (FINALISED) or will become (DRAFT)
    edition              integer NOT NULL,
    -- the last finalised edition (kept while the next one is drafted)
    finalised_edition    integer,
    finalised_on         date,
    stage_deadline       date,
    late                 boolean NOT NULL DEFAULT FALSE,
    description          jsonb NOT NULL,
    measures             jsonb NOT NULL DEFAULT '[]'::jsonb,
    effectiveness        jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- effect and regulatory-cause names (draft saves), impact-dimension names (evaluations)
    content_names        jsonb NOT NULL DEFAULT '{}'::jsonb,
    dimension_names      jsonb NOT NULL DEFAULT '{}'::jsonb,
    evaluation           jsonb,
    probability          integer,
    exposure             numeric(5, 2),
    priority             integer,
    risk_class           text,
    methodology_version  integer,
    version              bigint NOT NULL,
    last_event_seq       bigint NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX risk_assessment_org_unit ON risk_assessment (org_unit_id);
CREATE INDEX risk_assessment_plan ON risk_assessment (plan_id);
CREATE INDEX risk_assessment_member ON risk_assessment (member_user_id);
CREATE INDEX risk_assessment_risk ON risk_assessment (risk_id);
CREATE INDEX risk_assessment_updated ON risk_assessment (updated_at DESC, id DESC);

-- UCA 69: every evaluation, one line per RiskEvaluated event (keyed by its sequence number, so a replay adds nothing).
CREATE TABLE risk_assessment_evaluation (
    assessment_id               uuid NOT NULL,
    event_seq                   bigint NOT NULL,
    edition                     integer NOT NULL,
    evaluation                  jsonb NOT NULL,
    dimension_names             jsonb NOT NULL,
    lowest_allowed_probability  integer NOT NULL,
    incident_ids                uuid[] NOT NULL,
    by_user_id                  text,
    evaluated_at                timestamptz NOT NULL,
    PRIMARY KEY (assessment_id, event_seq)
);

-- assessment-elasticsearch: each assessment's searched texts (its subject's names as started or last finalised,
-- its content's texts as last saved), so every event writes the whole search document from this group's own facts.
CREATE TABLE assessment_search_text (
    assessment_id  uuid PRIMARY KEY,
    subject        jsonb NOT NULL,
    content        jsonb NOT NULL DEFAULT '[]'::jsonb
);
