-- UCA 80, command side: the CommandLookup "kept_measure_lookup" (ro.marc.command.monitoring.KeptMeasureLookup),
-- answering the named query KeptMeasures: the additional measures members kept as existing ones for the next period
-- (MeasureKeptAsExisting), so the assessment's next edition, and the next plan's assessment of the same risk in the
-- same work unit of the structure, start with them as existing measures. Written in the transaction of every
-- MeasureKeptAsExisting; never read by the query side. Built from the event store at the first start after this
-- migration.
CREATE TABLE kept_measure_lookup (
    assessment_id uuid  NOT NULL,
    measure_id    uuid  NOT NULL,
    kept_on       date  NOT NULL,
    plan_id       uuid  NOT NULL,
    org_unit_id   uuid  NOT NULL,
    work_unit_id  uuid  NOT NULL,
    risk_id       uuid  NOT NULL,
    -- the measure as it stood when kept (ro.marc.events.assessment.Measure)
    measure       jsonb NOT NULL,
    PRIMARY KEY (assessment_id, measure_id)
);
CREATE INDEX kept_measure_lookup_risk ON kept_measure_lookup (org_unit_id, work_unit_id, risk_id);
