-- The plan's command-side lookup (ro.marc.command.plan.PlanLookup, a CommandLookup "plan_lookup"): one row per
-- plan (Anexa 1) with its current content, written in the transaction of every plan event and read by the
-- command handlers through ActivePlans: "one active plan per org unit", "no Anexa 2, 3 or 4 without an active
-- plan" and "the work units assigned to them". Never read by the query side, never written by anything else.
--
-- Columns are nullable where a draft may still lack the value.
CREATE TABLE plan_lookup (
    plan_id                 uuid    PRIMARY KEY,
    org_unit_id             uuid    NOT NULL,
    -- DRAFT, ACTIVE or CLOSED
    status                  text    NOT NULL,
    purpose                 text,
    start_date              date,
    identification_deadline date,
    evaluation_deadline     date,
    measures_deadline       date,
    -- sequence number of the plan's last applied event (idempotent apply)
    last_seq                bigint  NOT NULL
);

-- one active plan per org unit: of two activations racing for one org unit, the second commit waits for the
-- first and fails here (answered as CONFLICT ACTIVE_PLAN_EXISTS)
CREATE UNIQUE INDEX plan_lookup_one_active ON plan_lookup (org_unit_id) WHERE status = 'ACTIVE';
CREATE INDEX plan_lookup_org_unit ON plan_lookup (org_unit_id);

-- the plan's members, in the plan's order
CREATE TABLE plan_member_lookup (
    plan_id                 uuid    NOT NULL REFERENCES plan_lookup (plan_id) ON DELETE CASCADE,
    user_id                 uuid    NOT NULL,
    position                integer NOT NULL,
    work_unit_ids           uuid[]  NOT NULL DEFAULT '{}',
    questionnaire_required  boolean NOT NULL,
    follows_member_workflow boolean NOT NULL,
    PRIMARY KEY (plan_id, user_id)
);
