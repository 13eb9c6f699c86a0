-- Risk assessment (issue 13), command side: the regulatory causes' CommandLookup "regulatory_cause_lookup"
-- (ro.marc.command.nomenclature.RegulatoryCauseLookup). One row per regulatory cause (Anexa 5) with what the named
-- query RegulatoryCauses answers: its work unit and activity (an assessment takes only the causes of its own),
-- the act and article it is named by, and whether it is still active (A502: a deactivated cause stays where it is
-- used but is not chosen anew). Its label reads the act type's name from nomenclature_entry_lookup at query time.
-- Written in the transaction of every regulatory-cause event; never read by the query side.
CREATE TABLE regulatory_cause_lookup (
    cause_id       uuid    PRIMARY KEY,
    work_unit_id   uuid    NOT NULL,
    activity_id    uuid    NOT NULL,
    act_type_id    uuid    NOT NULL,
    act_number     text    NOT NULL,
    year_in_force  integer NOT NULL,
    article_number text    NOT NULL,
    active         boolean NOT NULL DEFAULT true,
    -- sequence number of the cause's last applied event (idempotent apply)
    last_seq       bigint  NOT NULL
);
CREATE INDEX regulatory_cause_lookup_activity ON regulatory_cause_lookup (activity_id, work_unit_id);
