-- Issue 12, UCA 47: on IncidentRiskLinked every active member of every active plan whose assigned work units hold
-- one of the linked activity's work units is notified (IncidentNotifications); an A103 integrity counsellor
-- following the member workflow covers all the work units their structure holds. The directory
-- (NotificationDirectory) already knows the activities' work units (notification_item); it now also learns:

-- the work units assigned to each member in each edition, and whether they follow the member workflow (A103)
ALTER TABLE notification_plan_member ADD COLUMN work_unit_ids UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE notification_plan_member ADD COLUMN follows_member_workflow BOOLEAN NOT NULL DEFAULT FALSE;

-- the work units each org unit holds (WorkUnitAssigned / WorkUnitUnassigned, events of the org unit: each pair is
-- guarded by the org unit's sequence number, so an assignment after an unassignment wins, and not the reverse)
CREATE TABLE notification_org_unit_work_unit (
    org_unit_id    UUID    NOT NULL,
    work_unit_id   UUID    NOT NULL,
    assigned       BOOLEAN NOT NULL,
    last_event_seq BIGINT  NOT NULL,
    PRIMARY KEY (org_unit_id, work_unit_id)
);
CREATE INDEX notification_org_unit_work_unit_held ON notification_org_unit_work_unit (work_unit_id, org_unit_id) WHERE assigned;

-- the incidents, as recorded and edited: what a notice says of one
CREATE TABLE notification_incident (
    id             UUID PRIMARY KEY,
    title          TEXT,
    county         VARCHAR(2),
    incident_date  DATE,
    last_event_seq BIGINT NOT NULL
);

-- Seed for an existing installation, for the moments before the rebuild V2026.12.05.179 requests runs (it empties
-- the directory and fills it again from the event store: the members' work units come from the plans' events).
INSERT INTO notification_org_unit_work_unit (org_unit_id, work_unit_id, assigned, last_event_seq)
SELECT org_unit_id, work_unit_id, TRUE, -1 FROM org_unit_work_unit;
