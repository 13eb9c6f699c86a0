-- Risk register (issue 14), command side: the CommandLookup "measure_schedule_lookup"
-- (ro.marc.command.register.MeasureScheduleLookup). The schedules (deadline, periodicity) of every measure of each
-- plan's last saved register edition (RiskRegisterSaved replaces the plan's rows), which the named query
-- MeasureSchedules answers for the monitoring, the re-evaluation and the reminders. measure_schedule_plan_lookup
-- keeps the last applied save per plan, so a save applied twice or late changes nothing even when it scheduled
-- nothing. Written in the transaction of every save; never read by the query side. Built from the event store at
-- the first start after this migration.
CREATE TABLE measure_schedule_plan_lookup (
    plan_id          uuid    PRIMARY KEY,
    register_id      uuid    NOT NULL,
    register_edition integer NOT NULL,
    -- sequence number of the register's last applied save
    last_seq         bigint  NOT NULL
);
CREATE TABLE measure_schedule_lookup (
    assessment_id    uuid    NOT NULL,
    measure_id       uuid    NOT NULL,
    plan_id          uuid    NOT NULL REFERENCES measure_schedule_plan_lookup (plan_id) ON DELETE CASCADE,
    register_id      uuid    NOT NULL,
    register_edition integer NOT NULL,
    org_unit_id      uuid    NOT NULL,
    deadline         date    NOT NULL,
    periodicity      text    NOT NULL,
    -- the plan's measures-stage start: the periods' anchor
    anchor           date,
    -- the edition's order (risks, then their assessments' measures)
    position         integer NOT NULL,
    PRIMARY KEY (assessment_id, measure_id)
);
CREATE INDEX measure_schedule_lookup_plan ON measure_schedule_lookup (plan_id);
