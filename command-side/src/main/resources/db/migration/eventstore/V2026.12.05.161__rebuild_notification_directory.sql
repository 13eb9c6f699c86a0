-- V2026.12.05.160 taught the notifications directory (NotificationDirectory) the territorial administrators'
-- counties and the plans' members: an installation with events refills the directory from the event store at
-- the next start (PendingProjectionRebuilds). The notifications themselves are not sent again
-- (NotificationProjection and CampaignNotifications are @DisallowReplay).
INSERT INTO projection_rebuild_pending (processing_group, reason)
SELECT 'notifications', 'the directory knows territorial administrators and plan members (V2026.12.05.160)'
 WHERE EXISTS (SELECT 1 FROM domain_event_entry)
ON CONFLICT (processing_group) DO NOTHING;
