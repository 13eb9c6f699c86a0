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
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.Stage;
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
 *   <li>an Anexa 4 (risk assessment) finalised, in time or after the measures-stage deadline → the same, with
 *       {@link NotificationKind#ASSESSMENT_FINALISED} / {@link NotificationKind#ASSESSMENT_FINALISED_LATE};</li>
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
        String what = (analysis.edition() > 1 ? "versiunea " + analysis.edition() + " a analizei" : "analiza")
                + " activităților vulnerabile (Anexa 3) pentru unitatea de lucru „" + analysis.workUnitName()
                + "”, în cadrul planului „" + analysis.planPurpose() + "” (" + structure(analysis.orgUnitName(), analysis.county()) + ")";
        finalised(new Finalisation(event.analysisId(), "ANALYSIS", NotificationKind.ANALYSIS_FINALISED,
                NotificationKind.ANALYSIS_FINALISED_LATE, "Anexa 3", analysis.workUnitName(), what, Stage.IDENTIFICATION,
                analysis.planId(), analysis.memberUserId(), analysis.memberName(), analysis.orgUnitName(),
                analysis.county(), analysis.workUnitId(), analysis.workUnitName(), analysis.late(),
                analysis.finalisedOn(), analysis.stageDeadline()), new Source(eventId, sequence, at), actor);
    }

    @EventHandler
    void on(RiskAssessmentFinalised event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, @MetaDataValue("userId") String actor) {
        AssessmentEdition assessment = event.edition();
        String what = (assessment.edition() > 1 ? "versiunea " + assessment.edition() + " a evaluării" : "evaluarea")
                + " riscului „" + assessment.riskName() + "” (Anexa 4) pentru activitatea „" + assessment.activityName()
                + "” a unității de lucru „" + assessment.workUnitName() + "”, în cadrul planului „"
                + assessment.planPurpose() + "” (" + structure(assessment.orgUnitName(), assessment.county()) + ")"
                + classOf(assessment.evaluation());
        finalised(new Finalisation(event.assessmentId(), "ASSESSMENT", NotificationKind.ASSESSMENT_FINALISED,
                NotificationKind.ASSESSMENT_FINALISED_LATE, "Anexa 4", assessment.riskName(), what, Stage.MEASURES,
                assessment.planId(), assessment.memberUserId(), assessment.memberName(), assessment.orgUnitName(),
                assessment.county(), assessment.workUnitId(), assessment.workUnitName(), assessment.late(),
                assessment.finalisedOn(), assessment.stageDeadline()), new Source(eventId, sequence, at), actor);
    }

    /**
     * A member's form (Anexa 3 or 4) finalised under a plan: {@code what} it is, in a sentence; {@code form} and
     * {@code subject} make the title; a late one is measured against {@code stage}'s deadline.
     */
    private record Finalisation(UUID subjectId, String subjectType, NotificationKind kind, NotificationKind lateKind,
                                String form, String subject, String what, Stage stage, UUID planId, UUID author,
                                String authorName, String orgUnitName, County county, UUID workUnitId,
                                String workUnitName, boolean late, LocalDate finalisedOn, LocalDate stageDeadline) {
    }

    /**
     * In time → the plan's heads and integrity counsellors (INFO); late → URGENT, also to every active central
     * administrator and the territorial administrators of the county; never to the author, each recipient once.
     */
    private void finalised(Finalisation f, Source source, String actor) {
        String who = f.authorName() != null ? f.authorName() : "Un membru al grupului de lucru";
        List<UUID> workUnit = f.workUnitId() == null ? List.of() : List.of(f.workUnitId());
        List<String> workUnitName = f.workUnitName() == null ? List.of() : List.of(f.workUnitName());
        String actorId = actorOr(actor, f.author());

        Set<UUID> recipients = new LinkedHashSet<>(headsAndCounsellors(f.planId()));
        if (!f.late()) {
            writer.send(but(List.copyOf(recipients), f.author()), new Draft(f.kind(), NotificationSeverity.INFO,
                    f.form() + " finalizată: " + f.subject() + " (" + f.orgUnitName() + ")", who + " a finalizat "
                    + f.what() + ".", f.subjectId(), f.subjectType(), workUnit, workUnitName, null, null, actorId), source);
            return;
        }
        recipients.addAll(centralAdministrators());
        if (f.county() != null) {
            recipients.addAll(territorialAdministrators(f.county()));
        }
        String message = who + " a finalizat " + f.what() + (f.finalisedOn() == null ? "" : " la " + day(f.finalisedOn()))
                + ", după termenul etapei " + f.stage().title().replaceFirst("^Etapa ", "")
                + (f.stageDeadline() == null ? "" : " (" + day(f.stageDeadline()) + ")") + ".";
        writer.send(but(List.copyOf(recipients), f.author()), new Draft(f.lateKind(), NotificationSeverity.URGENT,
                f.form() + " finalizată după termen: " + f.subject() + " (" + f.orgUnitName() + ")", message,
                f.subjectId(), f.subjectType(), workUnit, workUnitName, null, null, actorId), source);
    }

    /** "IPJ Cluj, județul Cluj". */
    private static String structure(String orgUnitName, County county) {
        return orgUnitName + (county == null ? "" : ", " + county(county));
    }

    /** "; risc înalt (prioritatea 1, expunere 15,00)", or nothing when not evaluated. */
    private static String classOf(RiskEvaluation evaluation) {
        if (evaluation == null) {
            return "";
        }
        String riskClass = switch (evaluation.riskClass()) {
            case HIGH -> "risc înalt";
            case MODERATE -> "risc moderat";
            case MINOR -> "risc minor";
        };
        return "; " + riskClass + " (prioritatea " + evaluation.priority() + ", expunere "
                + evaluation.exposure().toPlainString().replace('.', ',') + ")";
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
