-- Risk assessment (issue 13), command side: the activity analyses' CommandLookup "analysis_selection_lookup"
-- (ro.marc.command.analysis.AnalysisSelectionLookup). One row per activity analysis (Anexa 3) finalised at least
-- once: the vulnerable activities its last finalised edition selected, which the named query AnalysedActivities
-- answers (an assessment, Anexa 4, is only about one of them). A draft saved after a finalisation changes nothing
-- here until it is finalised in its turn. Written in the transaction of every finalisation; never read by the
-- query side. Built from the event store at the first start after this migration.
CREATE TABLE analysis_selection_lookup (
    analysis_id    uuid    PRIMARY KEY,
    plan_id        uuid    NOT NULL,
    member_user_id uuid    NOT NULL,
    work_unit_id   uuid    NOT NULL,
    -- the last finalised edition's activities
    activity_ids   uuid[]  NOT NULL,
    edition        integer NOT NULL,
    -- sequence number of the analysis' last applied event (idempotent apply)
    last_seq       bigint  NOT NULL
);
CREATE INDEX analysis_selection_lookup_member ON analysis_selection_lookup (plan_id, member_user_id, work_unit_id);
