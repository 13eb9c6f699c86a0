package ro.marc.query.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notification of one recipient, with the details N02 asks for: the work units, activity and
 * task concerned (names as they were when it was sent).
 *
 * @param severity    N01: URGENT is shown in red bold (INFO for everything written before severities existed)
 * @param subjectId   the proposal, cause, plan, activity analysis or questionnaire answer it is about
 * @param subjectKind ACTIVITY, TASK, DOCUMENT, RISK, CAUSE, PLAN, ANALYSIS or QUESTIONNAIRE_ANSWER
 */
public record NotificationView(UUID id, UUID recipientUserId, NotificationKind kind, NotificationSeverity severity,
                               String title, String message,
                               UUID subjectId, String subjectKind, List<String> workUnitNames, String activityName,
                               String taskName, String actorUserId, Instant createdAt, Instant readAt) {
}
