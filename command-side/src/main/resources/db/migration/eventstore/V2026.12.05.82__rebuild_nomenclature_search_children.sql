-- V2026.12.05.81 added nomenclature_search_child, filled only by nomenclature-elasticsearch's handlers: an
-- installation with events rebuilds that group at the next start (PendingProjectionRebuilds). When
-- V2026.12.05.42 runs in the same migration it has already asked for it, and this changes nothing.
INSERT INTO projection_rebuild_pending (processing_group, reason)
SELECT 'nomenclature-elasticsearch', 'activity and task children kept in nomenclature_search_child (V2026.12.05.81)'
 WHERE EXISTS (SELECT 1 FROM domain_event_entry)
ON CONFLICT (processing_group) DO NOTHING;
