-- UCA 80, command side: the CommandLookup "kept_measure_lookup" (ro.marc.command.monitoring.KeptMeasureLookup),
-- answering the named query KeptMeasures: which additional measures of an assessment its member kept as existing
-- ones for the next period (MeasureKeptAsExisting), so the assessment's next edition starts with them as existing
-- measures. Written in the transaction of every MeasureKeptAsExisting; never read by the query side. Built from the
-- event store at the first start after this migration.
CREATE TABLE kept_measure_lookup (
    assessment_id uuid NOT NULL,
    measure_id    uuid NOT NULL,
    kept_on       date NOT NULL,
    PRIMARY KEY (assessment_id, measure_id)
);
