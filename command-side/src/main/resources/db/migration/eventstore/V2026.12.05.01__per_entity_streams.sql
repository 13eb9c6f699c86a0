-- Re-keys the streams of the release of 2026-12-01 into one stream per entity (issue 9).
--
-- That release kept each catalogue in one aggregate stream: 'marc' (the organisation), 'marc-access'
-- (accounts and working groups) and 'marc-nomenclature'. Today each org unit, work unit, account, working
-- group, domain, nomenclature item, reference entry and regulatory cause is its own aggregate, whose
-- identifier is the entity's id. Every old event goes to the stream of the entity its payload names first,
-- keeping its order there; its sequence number becomes its position in that stream. The payload, the event
-- id, the time stamp, the metadata and the global index stay exactly as they were: tracking tokens stay
-- valid and no event is rewritten (the upcasters in ro.marc.api.eventstore read the old payload shapes).
--
-- The old payloads carry the entity's version as the command side counted it ('version', or
-- 'orgUnitVersion' for work-unit assignments). After re-keying, sequence number + 1 must equal it for
-- every event, which is what makes today's versions (sequence number + 1) the ones clients already hold:
-- the migration checks it and fails, changing nothing, if a single event disagrees.
--
-- OrganisationInitialised names no entity of its own: it stays alone in stream 'marc'.

CREATE TEMPORARY TABLE per_entity_stream ON COMMIT DROP AS
SELECT global_index,
       entity,
       aggregate_type,
       row_number() OVER (PARTITION BY entity ORDER BY aggregate_identifier, sequence_number) - 1 AS new_sequence,
       version
  FROM (SELECT e.global_index, e.aggregate_identifier, e.sequence_number, m.aggregate_type,
               convert_from(e.payload, 'UTF8')::jsonb ->> m.entity_field AS entity,
               (convert_from(e.payload, 'UTF8')::jsonb ->> m.version_field)::bigint AS version
          FROM domain_event_entry e
          JOIN (VALUES
                ('ro.marc.events.org.OrgUnitCreated',              'orgUnitId',     'OrgUnit',          'version'),
                ('ro.marc.events.org.OrgUnitRenamed',              'orgUnitId',     'OrgUnit',          'version'),
                ('ro.marc.events.org.OrgUnitMoved',                'orgUnitId',     'OrgUnit',          'version'),
                ('ro.marc.events.org.OrgUnitDeactivated',          'orgUnitId',     'OrgUnit',          'version'),
                ('ro.marc.events.org.OrgUnitReactivated',          'orgUnitId',     'OrgUnit',          'version'),
                ('ro.marc.events.org.WorkUnitAssigned',            'orgUnitId',     'OrgUnit',          'orgUnitVersion'),
                ('ro.marc.events.org.WorkUnitUnassigned',          'orgUnitId',     'OrgUnit',          'orgUnitVersion'),
                ('ro.marc.events.org.WorkUnitDefined',             'workUnitId',    'WorkUnit',         'version'),
                ('ro.marc.events.org.WorkUnitRenamed',             'workUnitId',    'WorkUnit',         'version'),
                ('ro.marc.events.org.WorkUnitRetired',             'workUnitId',    'WorkUnit',         'version'),
                ('ro.marc.events.access.UserRegistered',           'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.UserDetailsUpdated',       'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.RoleGranted',              'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.RoleRevoked',              'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.UserDeactivated',          'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.UserReactivated',          'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.UserTransferred',          'userId',        'UserAccount',      'version'),
                ('ro.marc.events.access.WorkingGroupDefined',      'workingGroupId', 'WorkingGroup',    'version'),
                ('ro.marc.events.access.WorkingGroupMemberAdded',  'workingGroupId', 'WorkingGroup',    'version'),
                ('ro.marc.events.access.WorkingGroupMemberRemoved', 'workingGroupId', 'WorkingGroup',   'version'),
                ('ro.marc.events.access.WorkingGroupLeaderAppointed', 'workingGroupId', 'WorkingGroup', 'version'),
                ('ro.marc.events.nomenclature.DomainDefined',      'domainId',      'Domain',           'version'),
                ('ro.marc.events.nomenclature.DomainRenamed',      'domainId',      'Domain',           'version'),
                ('ro.marc.events.nomenclature.ActivityProposed',   'activityId',    'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.TaskProposed',       'taskId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.DocumentProposed',   'documentId',    'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.RiskProposed',       'riskId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.ProposalRevised',    'itemId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.ProposalAccepted',   'itemId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.ProposalRejected',   'itemId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.ItemDeactivated',    'itemId',        'NomenclatureItem', 'version'),
                ('ro.marc.events.nomenclature.ReferenceEntryDefined',     'entryId', 'ReferenceEntry',  'version'),
                ('ro.marc.events.nomenclature.ReferenceEntryRenamed',     'entryId', 'ReferenceEntry',  'version'),
                ('ro.marc.events.nomenclature.ReferenceEntryDeactivated', 'entryId', 'ReferenceEntry',  'version'),
                ('ro.marc.events.nomenclature.RegulatoryCauseAdded',       'causeId', 'RegulatoryCause', 'version'),
                ('ro.marc.events.nomenclature.RegulatoryCauseEdited',      'causeId', 'RegulatoryCause', 'version'),
                ('ro.marc.events.nomenclature.RegulatoryCauseDeactivated', 'causeId', 'RegulatoryCause', 'version'))
               AS m(payload_type, entity_field, aggregate_type, version_field)
            ON m.payload_type = e.payload_type
         WHERE e.aggregate_identifier IN ('marc', 'marc-access', 'marc-nomenclature')) AS old;

DO $$
DECLARE
    disagreeing bigint;
    unnamed bigint;
BEGIN
    SELECT count(*) INTO unnamed FROM per_entity_stream WHERE entity IS NULL;
    IF unnamed > 0 THEN
        RAISE EXCEPTION 'Re-keying streams: % events name no entity', unnamed;
    END IF;
    SELECT count(*) INTO disagreeing FROM per_entity_stream WHERE version IS DISTINCT FROM new_sequence + 1;
    IF disagreeing > 0 THEN
        RAISE EXCEPTION 'Re-keying streams: % events carry a version other than their new sequence number + 1', disagreeing;
    END IF;
END
$$;

UPDATE domain_event_entry e
   SET aggregate_identifier = s.entity, sequence_number = s.new_sequence, type = s.aggregate_type
  FROM per_entity_stream s
 WHERE e.global_index = s.global_index;

-- Snapshots of the old catalogue-wide aggregates describe streams that no longer exist.
DELETE FROM snapshot_event_entry WHERE aggregate_identifier IN ('marc', 'marc-access', 'marc-nomenclature');

-- The read models guard their rows with the old sequence numbers: every projection that can be replayed
-- is rebuilt from the event store at the next start (PendingProjectionRebuilds). Notifications are never
-- replayed; they depend on global positions only, which did not change.
CREATE TABLE projection_rebuild_pending (
    processing_group text PRIMARY KEY,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    reason           text NOT NULL
);

INSERT INTO projection_rebuild_pending (processing_group, reason)
SELECT g, 'streams re-keyed per entity (V2026.12.05.01)'
  FROM unnest(ARRAY['org-postgres', 'org-elasticsearch', 'access-postgres', 'nomenclature-postgres',
                    'nomenclature-elasticsearch']) AS g
 WHERE EXISTS (SELECT 1 FROM per_entity_stream);
