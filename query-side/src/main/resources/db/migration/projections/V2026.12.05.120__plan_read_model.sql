-- The plans (Anexa 1) read model, written by PlanReadModelProjection (processing group plan-postgres) from
-- the plan's own events only. Names (org unit, members, work units) come from the published editions
-- (PlanActivated, PlanRevised carry them resolved); a draft keeps ids only, the API resolves its names.
CREATE TABLE plan (
    id                      UUID PRIMARY KEY,
    org_unit_id             UUID        NOT NULL,
    status                  TEXT        NOT NULL,
    purpose                 TEXT,
    purpose_folded          TEXT,
    start_date              DATE,
    identification_deadline DATE,
    evaluation_deadline     DATE,
    measures_deadline       DATE,
    -- as the latest edition names it; null while the plan was never published
    org_unit_name           TEXT,
    -- the latest edition's number; null for a draft
    edition                 INT,
    version                 BIGINT      NOT NULL,
    last_event_seq          BIGINT      NOT NULL,
    created_by              TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_org_unit_status ON plan (org_unit_id, status);

-- The plan's members as its content holds them now (the latest draft save or edition), in the plan's order.
CREATE TABLE plan_member (
    plan_id                 UUID    NOT NULL,
    position                INT     NOT NULL,
    user_id                 UUID    NOT NULL,
    -- from the edition (null in a draft)
    display_name            TEXT,
    role                    TEXT,
    active                  BOOLEAN,
    questionnaire_required  BOOLEAN NOT NULL,
    follows_member_workflow BOOLEAN NOT NULL,
    work_unit_ids           UUID[]  NOT NULL,
    -- parallel to work_unit_ids, from the edition (null in a draft)
    work_unit_names         TEXT[],
    PRIMARY KEY (plan_id, user_id)
);
CREATE INDEX plan_member_user ON plan_member (user_id);

-- Every published edition (1 = the activation, n+1 = each change after it).
CREATE TABLE plan_edition (
    plan_id           UUID        NOT NULL,
    edition           INT         NOT NULL,
    published_at      TIMESTAMPTZ NOT NULL,
    published_by      UUID,
    published_by_name TEXT,
    event_seq         BIGINT      NOT NULL,
    PRIMARY KEY (plan_id, edition)
);

-- The plan's history: one row per event of its stream.
CREATE TABLE plan_history (
    plan_id    UUID        NOT NULL,
    seq        BIGINT      NOT NULL,
    type       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    by_user_id TEXT,
    edition    INT,
    PRIMARY KEY (plan_id, seq)
);
