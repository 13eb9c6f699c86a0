-- Monitoring and reminders (issue 14, §2.4, N01), command side: the CommandLookup "measure_due_lookup"
-- (ro.marc.command.monitoring.MeasureDueLookup), answering the named query DueMeasures for the reminder sweep: which
-- assessments have a reminder (three days before a due date of a measure not done) or an overdue flag (the deadline
-- passed, the measure not done) due that their monitoring has not appended yet. Written in the transaction of every
-- register save, monitoring event, assessment inactivation / reactivation and plan closing; never read by the query
-- side. Built from the event store at the first start after this migration.
--
-- One row per (assessment, measure, kind, due date) the last saved register schedules; "settled" once its reminder
-- or flag was appended, so the sweep does not select it again (a row stays settled when the register is saved again).
CREATE TABLE measure_due_lookup (
    assessment_id uuid    NOT NULL,
    measure_id    uuid    NOT NULL,
    -- DUE_SOON (a period's due date or the deadline) or OVERDUE (the deadline)
    kind          text    NOT NULL,
    due_date      date    NOT NULL,
    -- the first day it is due: due_date − 3 days (DUE_SOON), deadline + 1 day (OVERDUE)
    fire_on       date    NOT NULL,
    plan_id       uuid    NOT NULL,
    -- the register edition that scheduled it last
    edition       integer NOT NULL,
    settled       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (assessment_id, measure_id, kind, due_date)
);
CREATE INDEX measure_due_lookup_open ON measure_due_lookup (fire_on) WHERE NOT settled;
CREATE INDEX measure_due_lookup_plan ON measure_due_lookup (plan_id);

-- What stops reminders whatever the register schedules: a measure done (reason DONE), the monitoring finalised or
-- the assessment inactive (FINALISED, INACTIVE; measure_id the nil uuid: the whole assessment).
CREATE TABLE measure_due_hold (
    assessment_id uuid NOT NULL,
    measure_id    uuid NOT NULL,
    reason        text NOT NULL,
    PRIMARY KEY (assessment_id, measure_id, reason)
);
