package ro.marc.query.notification;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes notification rows and tells the {@link NotificationListener}s, for the group's two writers
 * ({@link NotificationProjection}, {@link CampaignNotifications}). A row's id is derived from (recipient, event
 * identifier, kind) and inserted with {@code ON CONFLICT DO NOTHING}: a redelivered event adds nothing and tells
 * nobody again. The listeners hear of the rows actually inserted after the unit of work (the processor's batch
 * transaction) commits, or at once when there is no unit of work.
 */
final class NotificationWriter {

    private static final Logger log = LoggerFactory.getLogger(NotificationWriter.class);
    private static final int TITLE_LENGTH = 500;

    /** What one notification says, whoever receives it. */
    record Draft(NotificationKind kind, NotificationSeverity severity, String title, String message, UUID subjectId,
                 String subjectKind, List<UUID> workUnitIds, List<String> workUnitNames, String activityName,
                 String taskName, String actor) {

        /** Unknown work units (null ids or names) are left out: a notification never fails on them. */
        Draft {
            workUnitIds = workUnitIds.stream().filter(Objects::nonNull).toList();
            workUnitNames = workUnitNames.stream().filter(Objects::nonNull).toList();
        }
    }

    /** The event a notification comes from: its identifier (unique in the event store) and its entity's sequence number. */
    record Source(String eventId, long sequence, Instant at) {
    }

    private final JdbcClient jdbc;
    private final List<NotificationListener> listeners;

    NotificationWriter(JdbcClient jdbc, List<NotificationListener> listeners) {
        this.jdbc = jdbc;
        this.listeners = List.copyOf(listeners);
    }

    /** Writes {@code draft} for each recipient (once: a redelivery adds nothing) and tells the listeners of the new rows. */
    void send(Collection<UUID> recipients, Draft draft, Source source) {
        publish(insert(recipients, draft, source));
    }

    List<NotificationView> insert(Collection<UUID> recipients, Draft draft, Source source) {
        String title = draft.title().length() <= TITLE_LENGTH ? draft.title()
                : draft.title().substring(0, TITLE_LENGTH - 1) + "…";
        Instant at = Timestamp.from(source.at()).toInstant();
        List<NotificationView> inserted = new ArrayList<>();
        for (UUID recipient : recipients) {
            UUID id = UUID.nameUUIDFromBytes((recipient + "/" + source.eventId() + "/" + draft.kind())
                    .getBytes(StandardCharsets.UTF_8));
            int rows = jdbc.sql("""
                    INSERT INTO notification (id, recipient_user_id, kind, severity, title, message, subject_id,
                                              subject_kind, work_unit_ids, work_unit_names, activity_name, task_name,
                                              actor_user_id, source_event_seq, source_event_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")
                    .params(id, recipient, draft.kind().name(), draft.severity().name(), title, draft.message(),
                            draft.subjectId(), draft.subjectKind(), draft.workUnitIds().toArray(UUID[]::new),
                            draft.workUnitNames().toArray(String[]::new), draft.activityName(), draft.taskName(),
                            draft.actor(), source.sequence(), source.eventId(), Timestamp.from(at))
                    .update();
            if (rows == 1) {
                inserted.add(new NotificationView(id, recipient, draft.kind(), draft.severity(), title, draft.message(),
                        draft.subjectId(), draft.subjectKind(), draft.workUnitNames(), draft.activityName(),
                        draft.taskName(), draft.actor(), at, null));
            }
        }
        return inserted;
    }

    /** Tells the listeners, once the unit of work has committed (at once without one). */
    void publish(List<NotificationView> notifications) {
        if (notifications.isEmpty() || listeners.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> tell(notifications));
        } else {
            tell(notifications);
        }
    }

    private void tell(List<NotificationView> notifications) {
        for (NotificationView notification : notifications) {
            for (NotificationListener listener : listeners) {
                try {
                    listener.notificationCommitted(notification);
                } catch (RuntimeException e) {
                    log.warn("Notification listener {} failed on notification {}", listener, notification.id(), e);
                }
            }
        }
    }
}
