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
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.org.County;
import ro.marc.query.notification.NotificationWriter.Draft;
import ro.marc.query.notification.NotificationWriter.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * UCA 47: the members told that a risk of their work units' activities materialised, in the notifications group
 * next to {@link CampaignNotifications} and under the same rules (read its comment): recipients come from the
 * group's own directory ({@link NotificationDirectory}) as it stands at the event's place in the store, the class is
 * {@link DisallowReplay} (a rebuild refills the directory and sends nothing again), and a row is keyed by
 * (recipient, event identifier, kind), so a redelivered event adds nothing.
 * <p>
 * On {@link IncidentRiskLinked}, {@link NotificationKind#INCIDENT_LINKED} ({@link NotificationSeverity#INFO}) goes to
 * every active member of every active plan (activated, not closed; its latest edition) whose assigned work units
 * include one of the linked activity's work units — an A103 integrity counsellor following the member workflow
 * covers every work unit their structure holds. Nationwide, not only in the incident's structure: Anexa 4 must take
 * the incidents of all structures into account (§4.4). "Active" is the edition's own flag (A102) and the account as
 * the directory knows it. The activity's work units are the directory's (as accepted or corrected), with the
 * link's own work unit in any case. A member told through several of their work units gets one notice per link; a
 * link's revision tells nobody; each new link is a new notice.
 */
@Component
@DisallowReplay
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class IncidentNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final NotificationWriter writer;

    public IncidentNotifications(JdbcClient jdbc, List<NotificationListener> listeners) {
        this.jdbc = jdbc;
        this.writer = new NotificationWriter(jdbc, listeners);
    }

    @EventHandler
    void on(IncidentRiskLinked event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        RiskLink link = event.link();
        Set<UUID> workUnits = new LinkedHashSet<>();
        if (link.workUnitId() != null) {
            workUnits.add(link.workUnitId());
        }
        if (link.activityId() != null) {
            workUnits.addAll(activityWorkUnits(link.activityId()));
        }
        if (workUnits.isEmpty()) {
            return;
        }
        List<UUID> recipients = recipients(workUnits);
        if (recipients.isEmpty()) {
            return;
        }
        IncidentFacts incident = incident(event.incidentId());
        writer.send(recipients, new Draft(NotificationKind.INCIDENT_LINKED, NotificationSeverity.INFO,
                        title(link), message(incident, link), event.incidentId(), "INCIDENT",
                        Stream.of(link.workUnitId()).filter(Objects::nonNull).toList(),
                        Stream.of(link.workUnitName()).filter(Objects::nonNull).toList(), link.activityName(), null,
                        actor),
                new Source(eventId, sequence, at));
    }

    /** "Incident de integritate pe activitatea „…”". */
    static String title(RiskLink link) {
        return link.activityName() == null ? "Incident de integritate legat de un risc al unităților dumneavoastră"
                : "Incident de integritate pe activitatea „" + link.activityName() + "”";
    }

    /**
     * "Incidentul de integritate „…” din 10.03.2026 (IPJ Cluj, județul Cluj) a fost legat de riscul „…” al activității
     * vulnerabile „…” (unitatea de lucru …), pe care o desfășoară unitățile de lucru pentru care răspundeți. Riscul
     * s-a materializat: țineți seama de acest incident la evaluarea riscurilor de corupție (Anexa 4)."
     */
    static String message(IncidentFacts incident, RiskLink link) {
        StringBuilder text = new StringBuilder("Incidentul de integritate");
        if (incident != null && incident.title() != null) {
            text.append(" „").append(incident.title()).append('”');
        }
        if (incident != null && incident.incidentDate() != null) {
            text.append(" din ").append(DAY.format(incident.incidentDate()));
        }
        String where = Stream.of(link.orgUnitName(),
                        incident == null || incident.county() == null ? null : CampaignNotifications.county(incident.county()))
                .filter(Objects::nonNull).reduce((x, y) -> x + ", " + y).orElse(null);
        if (where != null) {
            text.append(" (").append(where).append(')');
        }
        text.append(" a fost legat de riscul");
        if (link.riskName() != null) {
            text.append(" „").append(link.riskName()).append('”');
        }
        text.append(" al activității vulnerabile");
        if (link.activityName() != null) {
            text.append(" „").append(link.activityName()).append('”');
        }
        if (link.workUnitName() != null) {
            text.append(" (unitatea de lucru ").append(link.workUnitName()).append(')');
        }
        text.append(", pe care o desfășoară unitățile de lucru pentru care răspundeți. Riscul s-a materializat: "
                + "țineți seama de acest incident la evaluarea riscurilor de corupție (Anexa 4).");
        return text.toString();
    }

    // ------------------------------------------------------------------ from the directory

    record IncidentFacts(String title, County county, LocalDate incidentDate) {
    }

    private IncidentFacts incident(UUID incidentId) {
        return jdbc.sql("SELECT title, county, incident_date FROM notification_incident WHERE id = ?").param(incidentId)
                .query((rs, n) -> new IncidentFacts(rs.getString(1),
                        rs.getString(2) == null ? null : County.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class)))
                .optional().orElse(null);
    }

    private List<UUID> activityWorkUnits(UUID activityId) {
        return jdbc.sql("SELECT work_unit_ids FROM notification_item WHERE id = ? AND kind = 'ACTIVITY'").param(activityId)
                .query((rs, n) -> List.of((UUID[]) rs.getArray(1).getArray())).optional().orElse(List.of());
    }

    /**
     * The active members of the latest edition of every active plan, with active accounts, who are assigned one of
     * {@code workUnits} or follow the member workflow in a structure that holds one of them.
     */
    private List<UUID> recipients(Set<UUID> workUnits) {
        return jdbc.sql("""
                        SELECT DISTINCT m.user_id FROM notification_plan p
                          JOIN notification_plan_member m ON m.plan_id = p.id AND m.edition = p.edition
                          LEFT JOIN notification_account a ON a.id = m.user_id
                         WHERE NOT p.closed AND m.active AND COALESCE(a.active, TRUE)
                           AND (m.work_unit_ids && CAST(:workUnits AS uuid[])
                                OR (m.follows_member_workflow AND EXISTS (
                                        SELECT 1 FROM notification_org_unit_work_unit h
                                         WHERE h.org_unit_id = p.org_unit_id AND h.assigned
                                           AND h.work_unit_id = ANY(CAST(:workUnits AS uuid[])))))
                         ORDER BY m.user_id""")
                .param("workUnits", workUnits.toArray(UUID[]::new)).query(UUID.class).list();
    }
}
