-- register-postgres (issue 14): the risk registers (Anexa 10) and the monitoring of their measures, built from the
-- register's and the monitoring's own events only. The register's content is stored as the events carry it (the
-- merged risks, A402, are the command side's; nothing is recomputed); "overdue" is decided when read (the day asked).

-- One row per plan's register: the last generated draft (until it is saved) and the last saved edition.
CREATE TABLE risk_register (
    id               uuid PRIMARY KEY,
    plan_id          uuid NOT NULL UNIQUE,
    org_unit_id      uuid NOT NULL,
    -- as the saved edition names them, else as the draft's first assessment does
    plan_purpose     text,
    org_unit_name    text,
    county           text,
    -- the draft not yet saved (null once saved): its edition, day, risks, missing work units and carried schedules
    draft_edition    integer,
    generated_on     date,
    draft_risks      jsonb,
    draft_missing    jsonb,
    draft_schedules  jsonb,
    -- the last saved edition (RegisterEdition as the event carries it)
    saved_edition    integer,
    saved_on         date,
    registration_number text,
    saved            jsonb,
    -- of the content shown (the draft while there is one, else the saved edition)
    risk_count       integer NOT NULL DEFAULT 0,
    measure_count    integer NOT NULL DEFAULT 0,
    version          bigint NOT NULL,
    last_event_seq   bigint NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX risk_register_org_unit ON risk_register (org_unit_id);

-- The measures of the content shown, with their deadline (null in a draft until the head sets it): the registers'
-- list counts measures and overdue ones without reading the content.
CREATE TABLE risk_register_measure (
    register_id    uuid NOT NULL,
    assessment_id  uuid NOT NULL,
    measure_id     uuid NOT NULL,
    deadline       date,
    PRIMARY KEY (register_id, assessment_id, measure_id)
);
CREATE INDEX risk_register_measure_assessment ON risk_register_measure (assessment_id, measure_id);

-- The assessments the last saved edition schedules: which register a monitoring belongs to.
CREATE TABLE risk_register_assessment (
    assessment_id  uuid PRIMARY KEY,
    register_id    uuid NOT NULL
);
CREATE INDEX risk_register_assessment_register ON risk_register_assessment (register_id);

-- A1001 / G04: every evaluation recorded, keyed by its event and position (a replayed event adds nothing), shown
-- merged per assessment, measure and indicator in the order recorded.
CREATE TABLE risk_register_evaluation (
    register_id    uuid NOT NULL,
    event_seq      bigint NOT NULL,
    position       integer NOT NULL,
    edition        integer NOT NULL,
    risk_id        uuid,
    assessment_id  uuid,
    measure_id     uuid NOT NULL,
    indicator_id   uuid NOT NULL,
    value          text NOT NULL,
    person_name    text NOT NULL,
    source         text NOT NULL,
    recorded_on    date NOT NULL,
    PRIMARY KEY (register_id, event_seq, position)
);

-- §2.4: one row per assessment's monitoring (its own aggregate): version = its sequence + 1.
CREATE TABLE register_monitoring (
    assessment_id   uuid PRIMARY KEY,
    monitoring_id   uuid NOT NULL,
    plan_id         uuid,
    finalised_on    date,
    version         bigint NOT NULL,
    last_event_seq  bigint NOT NULL
);

-- Each measure's monitoring, whatever the register edition that schedules it (measure ids are kept across editions).
CREATE TABLE register_monitoring_measure (
    assessment_id     uuid NOT NULL,
    measure_id        uuid NOT NULL,
    done_on           date,
    done_by_name      text,
    done_late         boolean NOT NULL DEFAULT FALSE,
    kept_as_existing  boolean NOT NULL DEFAULT FALSE,
    kept_on           date,
    PRIMARY KEY (assessment_id, measure_id)
);

-- The members' indicator values per period: a later entry for a measure's period replaces the period's values.
CREATE TABLE register_monitoring_value (
    assessment_id  uuid NOT NULL,
    measure_id     uuid NOT NULL,
    period_due     date NOT NULL,
    indicator_id   uuid NOT NULL,
    value          text NOT NULL,
    by_name        text,
    recorded_on    date NOT NULL,
    PRIMARY KEY (assessment_id, measure_id, period_due, indicator_id)
);
