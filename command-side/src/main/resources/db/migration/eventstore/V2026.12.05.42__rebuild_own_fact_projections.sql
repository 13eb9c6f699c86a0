-- V2026.12.05.41 gave nomenclature-postgres, nomenclature-elasticsearch and notifications their own tables of
-- other capabilities' facts (org units, work units, accounts, catalogue entries), filled by their own
-- handlers: on an installation that already has events they are filled from the event store at the next start
-- (PendingProjectionRebuilds). The notifications themselves are never replayed (NotificationProjection is
-- @DisallowReplay): the rebuild refills only its directory (NotificationDirectory, @AllowReplay).
INSERT INTO projection_rebuild_pending (processing_group, reason)
SELECT g, 'projections keep their own copies of other capabilities'' facts (V2026.12.05.41)'
  FROM unnest(ARRAY['nomenclature-postgres', 'nomenclature-elasticsearch', 'notifications']) AS g
 WHERE EXISTS (SELECT 1 FROM domain_event_entry)
ON CONFLICT (processing_group) DO NOTHING;
