-- Issue 10, "projections build from their own events": a processing group no longer reads the tables other
-- processors write (what it wrote depended on which processor ran first). Each keeps the few facts of other
-- capabilities it needs in its own tables, filled by its own handlers in the same group. last_event_seq: the
-- sequence number of the entity's event that wrote the row (a redelivered older event changes nothing); -1 for
-- the rows seeded below from the old read models, so that any event of the entity wins over the seed.

-- nomenclature-postgres: the county of each org unit (nomenclature_item.proposer_county)
CREATE TABLE nomenclature_org_unit_county (
    org_unit_id    UUID PRIMARY KEY,
    county         VARCHAR(2),
    last_event_seq BIGINT NOT NULL
);
-- an org unit's county reaches the proposals made before it was known
CREATE INDEX nomenclature_item_proposer_org_unit ON nomenclature_item (proposer_org_unit_id);

-- nomenclature-elasticsearch: work-unit names and org-unit counties written into the search documents
CREATE TABLE nomenclature_search_work_unit (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200),
    last_event_seq BIGINT NOT NULL
);
CREATE TABLE nomenclature_search_org_unit (
    id             UUID PRIMARY KEY,
    county         VARCHAR(2),
    last_event_seq BIGINT NOT NULL
);

-- notifications: the directory the messages and the recipients come from
CREATE TABLE notification_account (
    id             UUID PRIMARY KEY,
    display_name   VARCHAR(200),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    central_admin  BOOLEAN NOT NULL DEFAULT FALSE,
    last_event_seq BIGINT  NOT NULL
);
CREATE INDEX notification_account_central_admins ON notification_account (id) WHERE central_admin AND active;
CREATE TABLE notification_org_unit (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200),
    last_event_seq BIGINT NOT NULL
);
CREATE TABLE notification_work_unit (
    id             UUID PRIMARY KEY,
    name           VARCHAR(200),
    name_folded    VARCHAR(200),
    last_event_seq BIGINT NOT NULL
);
-- the catalogue entries: activity_id is the activity itself for an activity (as in nomenclature_item)
CREATE TABLE notification_item (
    id                    UUID PRIMARY KEY,
    kind                  VARCHAR(20) NOT NULL,
    name                  VARCHAR(500),
    activity_id           UUID,
    task_id               UUID,
    work_unit_ids         UUID[]      NOT NULL DEFAULT '{}',
    -- a central administrator changed the proposal while accepting it; proposed_name: the proposer's wording
    changed_on_acceptance BOOLEAN     NOT NULL DEFAULT FALSE,
    proposed_name         VARCHAR(500),
    last_event_seq        BIGINT      NOT NULL
);
-- the work units a notification names, so that a work unit defined or renamed later reaches it
ALTER TABLE notification ADD COLUMN work_unit_ids UUID[] NOT NULL DEFAULT '{}';
CREATE INDEX notification_work_units ON notification USING gin (work_unit_ids);

-- Seeds for an existing installation, for the moments before the rebuilds requested in V2026.12.05.42 run
-- (they empty these tables and fill them again from the event store).
INSERT INTO nomenclature_org_unit_county (org_unit_id, county, last_event_seq) SELECT id, county, -1 FROM org_unit;
INSERT INTO nomenclature_search_work_unit (id, name, last_event_seq) SELECT id, name, -1 FROM work_unit;
INSERT INTO nomenclature_search_org_unit (id, county, last_event_seq) SELECT id, county, -1 FROM org_unit;
INSERT INTO notification_account (id, display_name, active, central_admin, last_event_seq)
SELECT u.id, u.display_name, u.active,
       EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'CENTRAL_ADMIN'), -1
  FROM app_user u;
INSERT INTO notification_org_unit (id, name, last_event_seq) SELECT id, name, -1 FROM org_unit;
INSERT INTO notification_work_unit (id, name, name_folded, last_event_seq) SELECT id, name, name_folded, -1 FROM work_unit;
INSERT INTO notification_item (id, kind, name, activity_id, task_id, work_unit_ids, last_event_seq)
SELECT i.id, i.kind, i.name, i.activity_id, i.task_id,
       ARRAY(SELECT x.work_unit_id FROM nomenclature_item_work_unit x WHERE x.item_id = i.id ORDER BY x.work_unit_id), -1
  FROM nomenclature_item i;

-- The notifications group now runs as ONE segment (application.yml: initial-segment-count 1), so it handles
-- events in the order of the event store: whether an account was a central administrator when a proposal was
-- made is decided by that order, on every node and after every restart. An installation that has two
-- segments keeps the one that is behind as its only segment, with the gaps of both below its position: the
-- events the other segment had already handled are delivered again and change nothing (a notification's id
-- is derived from its event, inserted with ON CONFLICT DO NOTHING). Only plain GapAwareTrackingTokens are
-- merged; anything else (a replay under way) is left as it is, and the group keeps its segments.
DO $$
DECLARE
    kept    RECORD;
    min_idx BIGINT;
    gaps    JSONB;
BEGIN
    IF (SELECT count(*) FROM token_entry WHERE processor_name = 'notifications') < 2
       OR EXISTS (SELECT 1 FROM token_entry WHERE processor_name = 'notifications' AND token IS NOT NULL
                     AND token_type IS DISTINCT FROM 'org.axonframework.eventhandling.GapAwareTrackingToken') THEN
        RETURN;
    END IF;
    SELECT segment, token INTO kept FROM token_entry WHERE processor_name = 'notifications'
     ORDER BY token IS NOT NULL, (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, segment LIMIT 1;
    IF kept.token IS NOT NULL THEN
        min_idx := (convert_from(kept.token, 'UTF8')::jsonb ->> 'index')::bigint;
        SELECT coalesce(jsonb_agg(DISTINCT g ORDER BY g), '[]'::jsonb) INTO gaps
          FROM token_entry t, jsonb_array_elements(convert_from(t.token, 'UTF8')::jsonb -> 'gaps') AS e(v),
               LATERAL (SELECT (e.v #>> '{}')::bigint AS g) x
         WHERE t.processor_name = 'notifications' AND x.g < min_idx;
        kept.token := convert_to(jsonb_build_object('index', min_idx, 'gaps', gaps)::text, 'UTF8');
    END IF;
    DELETE FROM token_entry WHERE processor_name = 'notifications' AND segment <> kept.segment;
    UPDATE token_entry SET segment = 0, token = kept.token, owner = NULL
     WHERE processor_name = 'notifications' AND segment = kept.segment;
END $$;
