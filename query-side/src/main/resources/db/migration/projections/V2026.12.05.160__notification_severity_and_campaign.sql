-- Issue 11: the yearly campaign's notifications (plan activated, revised, closed; Anexa 2 and Anexa 3
-- finalised, late Anexa 3) and N01's severity.

-- N01: how a front end shows a notification. INFO (plain), WARNING (about to be overdue), URGENT (overdue or
-- late: shown in red bold). Every notification written before is INFO.
ALTER TABLE notification ADD COLUMN severity VARCHAR(10) NOT NULL DEFAULT 'INFO'
    CHECK (severity IN ('INFO', 'WARNING', 'URGENT'));
-- the inbox filtered by severity (e.g. only the urgent ones), newest first
CREATE INDEX notification_inbox_severity ON notification (recipient_user_id, severity, created_at DESC, id DESC);

-- The directory (NotificationDirectory) now knows territorial administrators and their counties (two-letter
-- codes, as RoleGranted holds them; empty: not a territorial administrator), for the late Anexa 3 notices.
ALTER TABLE notification_account ADD COLUMN territorial_counties TEXT[] NOT NULL DEFAULT '{}';

-- The plans, as their activation and revisions publish them: the org unit, its name and county, the purpose
-- and the current edition (the highest seen), and whether the plan is closed.
CREATE TABLE notification_plan (
    id             UUID PRIMARY KEY,
    org_unit_id    UUID,
    org_unit_name  TEXT,
    county         VARCHAR(2),
    purpose        TEXT,
    edition        INTEGER NOT NULL,
    closed         BOOLEAN NOT NULL DEFAULT FALSE,
    last_event_seq BIGINT  NOT NULL
);
-- Every edition's members (kept per edition, so that a revision can be compared with the edition before it
-- whichever of the group's two components handles the event first). role: the working-group role they hold
-- in the edition; active: A102 (a deactivated member is listed with active = false).
CREATE TABLE notification_plan_member (
    plan_id      UUID        NOT NULL,
    edition      INTEGER     NOT NULL,
    user_id      UUID        NOT NULL,
    display_name TEXT,
    role         VARCHAR(30) NOT NULL,
    active       BOOLEAN     NOT NULL,
    PRIMARY KEY (plan_id, edition, user_id)
);

-- Seed for an existing installation, for the moments before the rebuild V2026.12.05.161 requests runs (it
-- empties the directory and fills it again from the event store). Plans are new: there are none to seed.
UPDATE notification_account a
   SET territorial_counties = ARRAY(SELECT DISTINCT c FROM app_user_role r, unnest(r.counties) AS c
                                     WHERE r.user_id = a.id AND r.role = 'TERRITORIAL_ADMIN' ORDER BY c)
 WHERE EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = a.id AND r.role = 'TERRITORIAL_ADMIN');
