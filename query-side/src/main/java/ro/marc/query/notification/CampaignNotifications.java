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
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.plan.event.PlanRevised;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;
import ro.marc.query.notification.NotificationWriter.Draft;
import ro.marc.query.notification.NotificationWriter.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.stream.Collectors;

/**
 * The yearly campaign's notifications (issue 11), in the notifications group next to {@link NotificationProjection}
 * and under the same rules (read its comment): recipients come from the group's own directory
 * ({@link NotificationDirectory}) as it stands at the event's place in the store (the group is one segment), the
 * class is {@link DisallowReplay} (a rebuild refills the directory and sends nothing again), and a row is keyed
 * by (recipient, event identifier, kind), so a redelivered event adds nothing.
 * <ul>
 *   <li>a plan activated or revised → every active member of the edition, each with their own tasks: their work
 *       units, each stage with its start and deadline, whether they must answer the management questionnaire
 *       (A201); a revision names the new edition, and the members of the previous edition left out of the new
 *       one are told they no longer have tasks in the plan. The publisher is a member too and gets their tasks;</li>
 *   <li>a plan closed → the active members of its last edition, but the one who closed it;</li>
 *   <li>an Anexa 3 finalised in time → the plan's heads and integrity counsellors (INFO), but its author;</li>
 *   <li>an Anexa 3 finalised after the identification-stage deadline → {@link NotificationKind#ANALYSIS_FINALISED_LATE},
 *       {@link NotificationSeverity#URGENT}, to the plan's heads and integrity counsellors, every active central
 *       administrator and the territorial administrators of the structure's county, but its author. Each of them
 *       receives that one notification (a head is not told twice of the same finalisation);</li>
 *   <li>an Anexa 2 answer finalised → the plan's heads and integrity counsellors (INFO), but the respondent.</li>
 * </ul>
 * "Active" is the edition's own flag (A102) and the account as the directory knows it at that point: a member
 * deactivated after the edition was published is not told. A plan's heads and counsellors are the members of
 * its latest edition the directory holds. Names in the text are the ones the events carry (the command side
 * resolved them when the event was written); work units are also kept as ids, so that a renamed work unit
 * reaches the notification's details, as for the nomenclature's notifications.
 */
@Component
@DisallowReplay
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class CampaignNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final NotificationWriter writer;

    public CampaignNotifications(JdbcClient jdbc, List<NotificationListener> listeners) {
        this.jdbc = jdbc;
        this.writer = new NotificationWriter(jdbc, listeners);
    }

    // ------------------------------------------------------------------ plans

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        PlanEdition edition = event.edition();
        String title = "Plan activat: „" + edition.purpose() + "”";
        String opening = "Planul „" + edition.purpose() + "” al structurii " + edition.orgUnitName()
                + " a fost activat" + by(edition) + ".";
        tasks(event.planId(), edition, NotificationKind.PLAN_ACTIVATED, title, opening, actor,
                new Source(eventId, sequence, at));
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        PlanEdition edition = event.edition();
        Source source = new Source(eventId, sequence, at);
        String title = "Plan modificat (ediția " + edition.edition() + "): „" + edition.purpose() + "”";
        String opening = "Planul „" + edition.purpose() + "” al structurii " + edition.orgUnitName()
                + " a fost modificat" + by(edition) + "; este în vigoare ediția " + edition.edition() + ".";
        tasks(event.planId(), edition, NotificationKind.PLAN_REVISED, title, opening, actor, source);

        // the members of the previous edition who are no longer in this one
        Set<UUID> stillMembers = edition.members().stream().map(MemberEdition::userId).collect(Collectors.toSet());
        List<UUID> left = active(jdbc.sql("""
                        SELECT user_id FROM notification_plan_member
                         WHERE plan_id = ? AND edition = ? AND active ORDER BY user_id""")
                .params(event.planId(), edition.edition() - 1).query(UUID.class).list().stream()
                .filter(id -> !stillMembers.contains(id)).toList());
        writer.send(left, new Draft(NotificationKind.PLAN_REVISED, NotificationSeverity.INFO, title,
                opening + " Nu mai aveți sarcini în acest plan.", event.planId(), "PLAN", List.of(), List.of(),
                null, null, actorOr(actor, edition.publishedBy())), source);
    }

    @EventHandler
    void on(PlanClosed event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        PlanFacts plan = plan(event.planId());
        if (plan == null) {
            return; // never activated: nobody was told of it
        }
        String closer = displayName(actor);
        String message = "Planul „" + plan.purpose() + "” al structurii " + plan.orgUnitName() + " a fost închis"
                + (closer == null ? "" : " de " + closer)
                + ". Planul și documentele sale rămân disponibile pentru consultare.";
        List<UUID> recipients = but(members(event.planId(), plan.edition(), null), uuid(actor));
        writer.send(recipients, new Draft(NotificationKind.PLAN_CLOSED, NotificationSeverity.INFO,
                "Plan închis: „" + plan.purpose() + "”", message, event.planId(), "PLAN", List.of(), List.of(), null,
                null, actor), new Source(eventId, sequence, at));
    }

    /** Each active member of {@code edition}, told their own tasks, after {@code opening}. */
    private void tasks(UUID planId, PlanEdition edition, NotificationKind kind, String title, String opening,
                       String actor, Source source) {
        Set<UUID> active = new HashSet<>(active(edition.members().stream().filter(MemberEdition::active)
                .map(MemberEdition::userId).toList()));
        List<NotificationView> inserted = new ArrayList<>();
        for (MemberEdition member : edition.members()) {
            if (!active.contains(member.userId())) {
                continue;
            }
            String message = opening + " " + tasksOf(member) + " " + stages(edition.stages());
            inserted.addAll(writer.insert(List.of(member.userId()), new Draft(kind, NotificationSeverity.INFO, title,
                    message, planId, "PLAN", member.workUnits().stream().map(WorkUnitRef::workUnitId).toList(),
                    member.workUnits().stream().map(WorkUnitRef::name).toList(), null, null,
                    actorOr(actor, edition.publishedBy())), source));
        }
        writer.publish(inserted);
    }

    /** "Rolul dumneavoastră: membru al grupului de lucru. Unitățile de lucru pentru care răspundeți: …. …chestionar…" */
    static String tasksOf(MemberEdition member) {
        StringBuilder text = new StringBuilder("Rolul dumneavoastră: ").append(roleLabel(member.role())).append('.');
        if (!member.workUnits().isEmpty()) {
            text.append(" Unitățile de lucru pentru care răspundeți: ")
                    .append(member.workUnits().stream().map(WorkUnitRef::name).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (member.followsMemberWorkflow()) {
            text.append(" Urmați și fluxul membrilor, pentru toate unitățile de lucru ale structurii.");
        } else if (member.workUnits().isEmpty()) {
            text.append(" Nu vă sunt atribuite unități de lucru.");
        }
        text.append(member.questionnaireRequired()
                ? " Completarea chestionarului de management (Anexa 2) este obligatorie pentru dumneavoastră."
                : " Nu vi se solicită completarea chestionarului de management (Anexa 2).");
        return text.toString();
    }

    /** "Termene: Etapa de identificare …: de la 02.11.2026, termen 29.01.2027; …." */
    static String stages(List<StageSchedule> stages) {
        if (stages.isEmpty()) {
            return "";
        }
        return "Termene: " + stages.stream()
                .map(s -> s.stage().title() + ": de la " + day(s.start()) + ", termen " + day(s.deadline()))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String by(PlanEdition edition) {
        return edition.publishedByName() == null ? "" : " de " + edition.publishedByName();
    }

    // ------------------------------------------------------------------ Anexa 3 and Anexa 2

    @EventHandler
    void on(ActivityAnalysisFinalised event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        AnalysisEdition analysis = event.edition();
        Source source = new Source(eventId, sequence, at);
        UUID author = analysis.memberUserId();
        String structure = analysis.orgUnitName() + (analysis.county() == null ? "" : ", " + county(analysis.county()));
        String what = (analysis.edition() > 1 ? "versiunea " + analysis.edition() + " a analizei" : "analiza")
                + " activităților vulnerabile (Anexa 3) pentru unitatea de lucru „" + analysis.workUnitName()
                + "”, în cadrul planului „" + analysis.planPurpose() + "” (" + structure + ")";
        String who = analysis.memberName() != null ? analysis.memberName() : "Un membru al grupului de lucru";
        List<UUID> workUnit = analysis.workUnitId() == null ? List.of() : List.of(analysis.workUnitId());
        List<String> workUnitName = analysis.workUnitName() == null ? List.of() : List.of(analysis.workUnitName());
        String actorId = actorOr(actor, author);

        Set<UUID> recipients = new LinkedHashSet<>(headsAndCounsellors(analysis.planId()));
        if (!analysis.late()) {
            writer.send(but(List.copyOf(recipients), author), new Draft(NotificationKind.ANALYSIS_FINALISED,
                    NotificationSeverity.INFO, "Anexa 3 finalizată: " + analysis.workUnitName() + " ("
                    + analysis.orgUnitName() + ")", who + " a finalizat " + what + ".", event.analysisId(), "ANALYSIS",
                    workUnit, workUnitName, null, null, actorId), source);
            return;
        }
        recipients.addAll(centralAdministrators());
        if (analysis.county() != null) {
            recipients.addAll(territorialAdministrators(analysis.county()));
        }
        String message = who + " a finalizat " + what + (analysis.finalisedOn() == null ? "" : " la " + day(analysis.finalisedOn()))
                + ", după termenul etapei de identificare și descriere a riscurilor de corupție"
                + (analysis.stageDeadline() == null ? "" : " (" + day(analysis.stageDeadline()) + ")") + ".";
        writer.send(but(List.copyOf(recipients), author), new Draft(NotificationKind.ANALYSIS_FINALISED_LATE,
                NotificationSeverity.URGENT, "Anexa 3 finalizată după termen: " + analysis.workUnitName() + " ("
                + analysis.orgUnitName() + ")", message, event.analysisId(), "ANALYSIS", workUnit, workUnitName, null,
                null, actorId), source);
    }

    @EventHandler
    void on(QuestionnaireAnswerFinalised event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        PlanFacts plan = plan(event.planId());
        String orgUnit = orgUnitName(event.orgUnitId());
        if (orgUnit == null && plan != null) {
            orgUnit = plan.orgUnitName();
        }
        String who = event.respondentName() != null ? event.respondentName() : "Un membru al grupului de lucru";
        String message = who + " a finalizat răspunsul la chestionarul de management (Anexa 2)"
                + (plan == null ? "" : " în cadrul planului „" + plan.purpose() + "”")
                + (orgUnit == null ? "" : " (" + orgUnit + ")") + ".";
        writer.send(but(headsAndCounsellors(event.planId()), event.respondentUserId()),
                new Draft(NotificationKind.QUESTIONNAIRE_FINALISED, NotificationSeverity.INFO,
                        "Chestionar de management finalizat: " + who, message, event.answerId(), "QUESTIONNAIRE_ANSWER",
                        List.of(), List.of(), null, null, actorOr(actor, event.respondentUserId())),
                new Source(eventId, sequence, at));
    }

    // ------------------------------------------------------------------ recipients, from the directory

    private record PlanFacts(String purpose, String orgUnitName, int edition) {
    }

    private PlanFacts plan(UUID planId) {
        return jdbc.sql("SELECT purpose, org_unit_name, edition FROM notification_plan WHERE id = ?").param(planId)
                .query((rs, n) -> new PlanFacts(rs.getString(1), rs.getString(2), rs.getInt(3))).optional().orElse(null);
    }

    /** The plan's heads and integrity counsellors in its latest edition the directory holds, active. */
    private List<UUID> headsAndCounsellors(UUID planId) {
        Integer edition = jdbc.sql("SELECT max(edition) FROM notification_plan_member WHERE plan_id = ?").param(planId)
                .query(Integer.class).optional().orElse(null);
        if (edition == null) {
            return List.of();
        }
        return members(planId, edition, List.of(Role.WORKING_GROUP_HEAD, Role.INTEGRITY_COUNSELLOR));
    }

    /** The active members of an edition (of the given roles; null: all), whose accounts are active. */
    private List<UUID> members(UUID planId, int edition, List<Role> roles) {
        String[] roleNames = roles == null ? null : roles.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT m.user_id FROM notification_plan_member m
                          LEFT JOIN notification_account a ON a.id = m.user_id
                         WHERE m.plan_id = :plan AND m.edition = :edition AND m.active AND COALESCE(a.active, TRUE)
                           AND (CAST(:roles AS text[]) IS NULL OR m.role = ANY(CAST(:roles AS text[])))
                         ORDER BY m.user_id""")
                .param("plan", planId).param("edition", edition).param("roles", roleNames)
                .query(UUID.class).list();
    }

    /** Those of {@code users} the directory does not know as deactivated. */
    private List<UUID> active(List<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Set<UUID> deactivated = new HashSet<>(jdbc.sql("SELECT id FROM notification_account WHERE id = ANY(?) AND NOT active")
                .param(users.toArray(UUID[]::new)).query(UUID.class).list());
        return users.stream().filter(id -> !deactivated.contains(id)).distinct().toList();
    }

    private List<UUID> centralAdministrators() {
        return jdbc.sql("SELECT id FROM notification_account WHERE central_admin AND active ORDER BY id")
                .query(UUID.class).list();
    }

    private List<UUID> territorialAdministrators(County county) {
        return jdbc.sql("SELECT id FROM notification_account WHERE active AND ? = ANY(territorial_counties) ORDER BY id")
                .param(county.name()).query(UUID.class).list();
    }

    private static List<UUID> but(List<UUID> recipients, UUID except) {
        return recipients.stream().filter(id -> !id.equals(except)).distinct().toList();
    }

    // ------------------------------------------------------------------ names

    private String displayName(String userId) {
        UUID id = uuid(userId);
        return id == null ? null : jdbc.sql("SELECT display_name FROM notification_account WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
    }

    private String orgUnitName(UUID orgUnitId) {
        return orgUnitId == null ? null : jdbc.sql("SELECT name FROM notification_org_unit WHERE id = ?")
                .param(orgUnitId).query(String.class).optional().orElse(null);
    }

    static String roleLabel(Role role) {
        if (role == null) {
            return "membru al grupului de lucru";
        }
        return switch (role) {
            case WORKING_GROUP_HEAD -> "șef al grupului de lucru";
            case INTEGRITY_COUNSELLOR -> "consilier de integritate";
            case RISK_OWNER -> "responsabil de risc";
            default -> "membru al grupului de lucru";
        };
    }

    /** "județul Cluj", "municipiul București". */
    static String county(County county) {
        return county == County.B ? "municipiul " + county.displayName() : "județul " + county.displayName();
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    /** The sender (event metadata), or {@code fallback} when MARC itself sent it. */
    private static String actorOr(String actor, Object fallback) {
        if (actor != null && uuid(actor) != null) {
            return actor;
        }
        return fallback != null ? fallback.toString() : actor;
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
