package ro.marc.query.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.access.Role;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.event.RiskRegisterSaved;
import ro.marc.query.notification.NotificationWriter.Draft;
import ro.marc.query.notification.NotificationWriter.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * The register's and the monitoring's notifications (issue 14: UCA 81, 82, N01), in the notifications group next to
 * {@link CampaignNotifications} and under the same rules (read its comment): recipients from the group's directory
 * as it stands at the event's place in the store, {@link DisallowReplay}, one row per (recipient, event, kind).
 * <ul>
 *   <li>a register saved → every active member of the plan but the one who saved it (INFO), each told how many of
 *       their own assessments' measures the edition schedules;</li>
 *   <li>a measure's due date three days away ({@link MeasureDueSoon}) → the assessment's member (WARNING);</li>
 *   <li>a measure overdue ({@link MeasureOverdue}) → the member and the plan's heads and integrity counsellors
 *       (URGENT: the red bold of N01);</li>
 *   <li>a monitoring finalised → the plan's heads and integrity counsellors but the member (INFO).</li>
 * </ul>
 * The reminders are sent by MARC itself: their actor is "system".
 */
@Component
@DisallowReplay
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class RegisterNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final NotificationWriter writer;

    public RegisterNotifications(JdbcClient jdbc, List<NotificationListener> listeners) {
        this.jdbc = jdbc;
        this.writer = new NotificationWriter(jdbc, listeners);
    }

    // ------------------------------------------------------------------ the register (UCA 81)

    @EventHandler
    void on(RiskRegisterSaved event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        RegisterEdition edition = event.edition();
        Source source = new Source(eventId, sequence, at);
        Map<UUID, Integer> measuresOf = measuresByMember(edition);
        String title = "Registrul riscurilor salvat (ediția " + edition.edition() + "): " + edition.orgUnitName();
        String opening = "Registrul riscurilor (Anexa 10) al structurii " + edition.orgUnitName() + ", planul „"
                + edition.planPurpose() + "”, a fost salvat" + (edition.savedByName() == null ? "" : " de " + edition.savedByName())
                + " ca ediția " + edition.edition() + " (nr. de înregistrare " + edition.registrationNumber()
                + ", aprobat de " + edition.approverName() + ").";
        List<NotificationView> inserted = new ArrayList<>();
        for (UUID member : but(members(edition.planId(), null), edition.savedBy())) {
            int count = measuresOf.getOrDefault(member, 0);
            String yours = count == 0 ? " Registrul nu vă programează măsuri."
                    : count == 1 ? " Registrul vă programează o măsură: urmăriți-i termenul."
                    : " Registrul vă programează " + count + " măsuri: urmăriți-le termenele.";
            inserted.addAll(writer.insert(List.of(member), new Draft(NotificationKind.REGISTER_SAVED, NotificationSeverity.INFO,
                    title, opening + yours, event.registerId(), "REGISTER", List.of(), List.of(), null, null,
                    actorOr(actor, edition.savedBy())), source));
        }
        writer.publish(inserted);
    }

    /** How many of the edition's schedules are of each member's assessments. */
    private static Map<UUID, Integer> measuresByMember(RegisterEdition edition) {
        Map<UUID, UUID> memberOf = new HashMap<>();
        for (RegisterRisk risk : edition.risks()) {
            for (int i = 0; i < risk.assessments().size(); i++) {
                AssessmentEdition assessment = risk.assessments().get(i);
                memberOf.put(risk.assessmentIds().get(i), assessment.memberUserId());
            }
        }
        Map<UUID, Integer> counts = new HashMap<>();
        for (MeasureSchedule schedule : edition.schedules()) {
            UUID member = memberOf.get(schedule.assessmentId());
            if (member != null) {
                counts.merge(member, 1, Integer::sum);
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------ reminders and overdue (N01)

    @EventHandler
    void on(MeasureDueSoon event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        boolean deadline = event.dueDate().equals(event.deadline());
        String message = "Măsura „" + event.measureDescription() + "” pentru riscul „" + event.riskName() + "” are "
                + (deadline ? "termenul" : "termenul perioadei curente") + " la " + day(event.dueDate())
                + (deadline ? "" : " (termen final " + day(event.deadline()) + ")")
                + ". Marcați-o ca realizată sau introduceți valorile indicatorilor.";
        writer.send(active(List.of(event.memberUserId())), new Draft(NotificationKind.MEASURE_DUE_SOON,
                NotificationSeverity.WARNING, "Termen apropiat (" + day(event.dueDate()) + "): " + event.measureDescription(),
                message, event.assessmentId(), "ASSESSMENT", List.of(), List.of(), null, null, actor),
                new Source(eventId, sequence, at));
    }

    @EventHandler
    void on(MeasureOverdue event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        Set<UUID> recipients = new LinkedHashSet<>(active(List.of(event.memberUserId())));
        recipients.addAll(headsAndCounsellors(event.planId()));
        String member = displayName(event.memberUserId());
        String message = "Măsura „" + event.measureDescription() + "” pentru riscul „" + event.riskName()
                + "” nu a fost realizată până la termenul " + day(event.deadline())
                + (member == null ? "" : " (responsabil de evaluare: " + member + ")") + ".";
        writer.send(List.copyOf(recipients), new Draft(NotificationKind.MEASURE_OVERDUE, NotificationSeverity.URGENT,
                "Măsură depășită (termen " + day(event.deadline()) + "): " + event.measureDescription(), message,
                event.assessmentId(), "ASSESSMENT", List.of(), List.of(), null, null, actor),
                new Source(eventId, sequence, at));
    }

    // ------------------------------------------------------------------ monitoring finalised (UCA 82)

    @EventHandler
    void on(MonitoringFinalised event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        String who = event.memberName() != null ? event.memberName() : "Un membru al grupului de lucru";
        String message = who + " a finalizat monitorizarea măsurilor riscului „" + event.riskName() + "” la "
                + day(event.finalisedOn()) + ": " + event.measuresDone() + (event.measuresDone() == 1 ? " măsură realizată" : " măsuri realizate")
                + (event.measuresDoneLate() == 0 ? "" : ", dintre care " + event.measuresDoneLate() + " după termen") + ".";
        writer.send(but(headsAndCounsellors(event.planId()), event.memberUserId()), new Draft(
                NotificationKind.MONITORING_FINALISED, NotificationSeverity.INFO, "Monitorizare finalizată: " + event.riskName(),
                message, event.assessmentId(), "ASSESSMENT", List.of(), List.of(), null, null,
                actorOr(actor, event.memberUserId())), new Source(eventId, sequence, at));
    }

    // ------------------------------------------------------------------ recipients, from the directory

    private List<UUID> headsAndCounsellors(UUID planId) {
        return members(planId, List.of(Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR));
    }

    /** The active members (of the given roles; null: all) of the plan's latest edition the directory holds, their accounts active. */
    private List<UUID> members(UUID planId, List<Role> roles) {
        String[] roleNames = roles == null ? null : roles.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT m.user_id FROM notification_plan_member m
                          LEFT JOIN notification_account a ON a.id = m.user_id
                         WHERE m.plan_id = :plan AND m.active AND COALESCE(a.active, TRUE)
                           AND m.edition = (SELECT max(edition) FROM notification_plan_member WHERE plan_id = :plan)
                           AND (CAST(:roles AS text[]) IS NULL OR m.role = ANY(CAST(:roles AS text[])))
                         ORDER BY m.user_id""")
                .param("plan", planId).param("roles", roleNames).query(UUID.class).list();
    }

    private List<UUID> active(List<UUID> users) {
        List<UUID> known = users.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return List.of();
        }
        Set<UUID> deactivated = new HashSet<>(jdbc.sql("SELECT id FROM notification_account WHERE id = ANY(?) AND NOT active")
                .param(known.toArray(UUID[]::new)).query(UUID.class).list());
        return known.stream().filter(id -> !deactivated.contains(id)).distinct().toList();
    }

    private String displayName(UUID id) {
        return id == null ? null : jdbc.sql("SELECT display_name FROM notification_account WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
    }

    private static List<UUID> but(List<UUID> recipients, UUID except) {
        return recipients.stream().filter(id -> !id.equals(except)).distinct().toList();
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    /** The sender (event metadata), or {@code fallback} when MARC itself sent it. */
    private static String actorOr(String actor, Object fallback) {
        if (actor != null) {
            try {
                UUID.fromString(actor);
                return actor;
            } catch (IllegalArgumentException e) {
                // "system"
            }
        }
        return fallback != null ? fallback.toString() : actor;
    }
}
