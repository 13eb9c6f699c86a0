-- analysis-postgres: the activity analyses (Anexa 3), one row per (plan, member, work unit), with the names its
-- own events carry (as at the last save or finalisation) and the activity → task → document tree as JSON.
CREATE TABLE activity_analysis (
    id                 uuid PRIMARY KEY,
    plan_id            uuid NOT NULL,
    plan_purpose       text NOT NULL,
    org_unit_id        uuid NOT NULL,
    org_unit_name      text NOT NULL,
    county             text,
    work_unit_id       uuid NOT NULL,
    work_unit_name     text NOT NULL,
    member_user_id     uuid NOT NULL,
    member_name        text NOT NULL,
    status             text NOT NULL,
    -- the edition the content is (FINALISED) or will become (DRAFT)
    edition            integer NOT NULL,
    -- the last finalised edition (kept while the next one is drafted)
    finalised_edition  integer,
    finalised_on       date,
    stage_deadline     date,
    late               boolean NOT NULL DEFAULT FALSE,
    content            jsonb NOT NULL DEFAULT '[]'::jsonb,
    version            bigint NOT NULL,
    last_event_seq     bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE INDEX activity_analysis_plan ON activity_analysis (plan_id);
CREATE INDEX activity_analysis_org_unit ON activity_analysis (org_unit_id);
CREATE INDEX activity_analysis_member ON activity_analysis (member_user_id);

-- Anexa 4 offers only the activities selected in the last finalised edition of an analysis.
CREATE TABLE activity_analysis_selected (
    analysis_id  uuid NOT NULL,
    position     integer NOT NULL,
    activity_id  uuid NOT NULL,
    name         text NOT NULL,
    PRIMARY KEY (analysis_id, activity_id)
);
