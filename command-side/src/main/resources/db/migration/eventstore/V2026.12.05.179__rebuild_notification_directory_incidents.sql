-- V2026.12.05.176 taught the notifications directory (NotificationDirectory) the plan members' work units, the
-- work units each org unit holds and the incidents, for the UCA 47 notices (IncidentNotifications): an
-- installation with events refills the directory from the event store at the next start
-- (PendingProjectionRebuilds). No notification is sent again (NotificationProjection, CampaignNotifications and
-- IncidentNotifications are @DisallowReplay).
INSERT INTO projection_rebuild_pending (processing_group, reason)
SELECT 'notifications', 'the directory knows the plan members'' work units, the org units'' work units and the incidents (V2026.12.05.176)'
 WHERE EXISTS (SELECT 1 FROM domain_event_entry)
ON CONFLICT (processing_group) DO NOTHING;
