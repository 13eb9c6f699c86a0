package ro.marc.query.notification;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.RoleGranted;
import ro.marc.events.access.event.RoleRevoked;
import ro.marc.events.access.event.UserDeactivated;
import ro.marc.events.access.event.UserReactivated;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.plan.event.PlanRevised;
import ro.marc.events.questionnaire.event.QuestionnaireAnswerFinalised;
import ro.marc.query.support.TestServices;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CampaignNotifications} on a real PostgreSQL, with the group's directory ({@link NotificationDirectory}) and
 * {@link NotificationProjection} as the processor runs them: the plan's, Anexa 3's, Anexa 4's and Anexa 2's notifications,
 * their recipients as the directory knows them at the event's place in the store, N01's severity, and redelivery.
 * The events are built by hand, as the command side writes them.
 */
class CampaignNotificationsTest {

    private static final Instant T0 = Instant.parse("2027-01-10T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final NotificationQueries queries = new NotificationQueries(jdbc);
    private final List<NotificationView> told = new CopyOnWriteArrayList<>();
    private final NotificationDirectory directory = new NotificationDirectory(jdbc);
    private final CampaignNotifications campaign = new CampaignNotifications(jdbc, List.of(told::add));
    private final NotificationProjection projection = new NotificationProjection(jdbc, List.of(told::add));
    private List<AnnotationEventHandlerAdapter> group = List.of(new AnnotationEventHandlerAdapter(directory),
            new AnnotationEventHandlerAdapter(projection), new AnnotationEventHandlerAdapter(campaign));

    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID ordinePublica = UUID.randomUUID();
    private final UUID rutiera = UUID.randomUUID();
    private final UUID logistica = UUID.randomUUID();

    private final UUID centralAdmin = UUID.randomUUID();
    private final UUID retiredAdmin = UUID.randomUUID();
    private final UUID territorialCluj = UUID.randomUUID();
    private final UUID territorialIasi = UUID.randomUUID();
    private final UUID territorialRevoked = UUID.randomUUID();
    private final UUID territorialRegranted = UUID.randomUUID();
    private final UUID territorialDeactivated = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();
    private final UUID counsellor = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID bogdan = UUID.randomUUID();
    private final UUID leftOut = UUID.randomUUID();
    private final UUID laterDeactivated = UUID.randomUUID();

    private final UUID plan = UUID.randomUUID();
    private final Map<UUID, Long> sequences = new HashMap<>();
    /** Every event delivered, in order: the store as the group saw it. */
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        truncate();
        deliver(event(cluj, new OrgUnitCreated(cluj, UUID.randomUUID(), "IPJ Cluj", 2, County.CJ)));
        deliver(event(iasi, new OrgUnitCreated(iasi, UUID.randomUUID(), "IPJ Iași", 2, County.IS)));
        deliver(event(ordinePublica, new WorkUnitDefined(ordinePublica, "Ordine publică")));
        deliver(event(rutiera, new WorkUnitDefined(rutiera, "Poliție rutieră")));
        deliver(event(logistica, new WorkUnitDefined(logistica, "Logistică")));
        account(centralAdmin, "Adrian Central", null, Role.CENTRAL_ADMIN);
        account(retiredAdmin, "Costel Pensionar", null, Role.CENTRAL_ADMIN);
        deliver(event(retiredAdmin, new UserDeactivated(retiredAdmin, "pensionare")));
        account(territorialCluj, "Tudor Clujeanu", cluj, Role.TERRITORIAL_ADMIN, County.CJ);
        account(territorialIasi, "Irina Ieșeanu", iasi, Role.TERRITORIAL_ADMIN, County.IS);
        account(territorialRevoked, "Radu Fost", cluj, Role.TERRITORIAL_ADMIN, County.CJ);
        deliver(event(territorialRevoked, new RoleRevoked(territorialRevoked, Role.TERRITORIAL_ADMIN)));
        // a re-grant replaces the counties
        account(territorialRegranted, "Gina Mutată", iasi, Role.TERRITORIAL_ADMIN, County.IS);
        deliver(event(territorialRegranted, new RoleGranted(territorialRegranted, Role.TERRITORIAL_ADMIN,
                List.of(County.CJ, County.IS), false)));
        account(territorialDeactivated, "Dan Inactiv", cluj, Role.TERRITORIAL_ADMIN, County.CJ);
        deliver(event(territorialDeactivated, new UserDeactivated(territorialDeactivated, "transfer")));
        account(head, "Horia Șeful", cluj, Role.WORKING_GROUP_HEAD);
        account(counsellor, "Corina Consilier", cluj, Role.INTEGRITY_COUNSELLOR);
        account(ana, "Ana Mureșan", cluj, Role.WORKING_GROUP_MEMBER);
        account(bogdan, "Bogdan Pop", cluj, Role.WORKING_GROUP_MEMBER);
        account(leftOut, "Lucia Plecată", cluj, Role.WORKING_GROUP_MEMBER);
        account(laterDeactivated, "Mihai Suspendat", cluj, Role.WORKING_GROUP_MEMBER);
    }

    @AfterEach
    void tearDown() {
        truncate();
    }

    // ------------------------------------------------------------------ the plan

    @Test
    void anActivationTellsEachActiveMemberTheirOwnTasksAndTheDeadlines() {
        // published with Mihai active; his account is deactivated before the activation reaches the store
        deliver(event(laterDeactivated, new UserDeactivated(laterDeactivated, "suspendare")));
        DomainEventMessage<?> activated = deliver(activated(edition(1, members(true))));

        NotificationView toAna = only(ana);
        assertThat(toAna.kind()).isEqualTo(NotificationKind.PLAN_ACTIVATED);
        assertThat(toAna.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toAna.title()).isEqualTo("Plan activat: „Evaluarea riscurilor de corupție 2026–2027”");
        assertThat(toAna.message()).isEqualTo("Planul „Evaluarea riscurilor de corupție 2026–2027” al structurii IPJ Cluj "
                + "a fost activat de Horia Șeful. Rolul dumneavoastră: membru al grupului de lucru. Unitățile de lucru "
                + "pentru care răspundeți: Ordine publică, Poliție rutieră. Completarea chestionarului de management "
                + "(Anexa 2) este obligatorie pentru dumneavoastră. Termene: "
                + "Etapa de identificare și descriere a riscurilor de corupție: de la 02.11.2026, termen 29.01.2027; "
                + "Etapa de evaluare a riscurilor de corupție: de la 30.01.2027, termen 31.03.2027; "
                + "Etapa de determinare și implementare a măsurilor de prevenire/control a riscurilor de corupție: "
                + "de la 01.04.2027, termen 31.05.2027.");
        assertThat(toAna.subjectId()).isEqualTo(plan);
        assertThat(toAna.subjectKind()).isEqualTo("PLAN");
        assertThat(toAna.workUnitNames()).containsExactly("Ordine publică", "Poliție rutieră");
        assertThat(toAna.actorUserId()).isEqualTo(head.toString());
        assertThat(toAna.createdAt()).isEqualTo(activated.getTimestamp());

        // the head (who published it) gets their own tasks; the counsellor follows the member workflow (A103)
        assertThat(only(head).message()).contains("Rolul dumneavoastră: șef al grupului de lucru. Unitățile de lucru "
                + "pentru care răspundeți: Logistică. Completarea chestionarului");
        assertThat(only(counsellor).message()).contains("Rolul dumneavoastră: consilier de integritate. Urmați și "
                + "fluxul membrilor, pentru toate unitățile de lucru ale structurii. Nu vi se solicită completarea "
                + "chestionarului de management (Anexa 2).");
        assertThat(only(counsellor).workUnitNames()).isEmpty();
        // A102: a member listed as deactivated in the edition, and one deactivated since, are not told
        assertThat(inbox(bogdan)).isEmpty();
        assertThat(inbox(laterDeactivated)).isEmpty();
        assertThat(inbox(centralAdmin)).isEmpty();
        assertThat(told).extracting(NotificationView::recipientUserId)
                .containsExactlyInAnyOrder(head, counsellor, ana, leftOut);

        // a work unit renamed later reaches the details (the text keeps the names as published)
        deliver(event(rutiera, new WorkUnitRenamed(rutiera, "Poliție rutieră și transporturi", "Poliție rutieră")));
        assertThat(only(ana).workUnitNames()).containsExactly("Ordine publică", "Poliție rutieră și transporturi");
    }

    /** The directory takes the new edition before CampaignNotifications compares it with the previous one. */
    @Test
    void aRevisionNamesTheEditionAndTellsTheMembersLeftOut() {
        revise(false);
    }

    /** The same, CampaignNotifications first: the order of the group's components does not matter. */
    @Test
    void aRevisionComesOutTheSameWhenTheCampaignNotificationsRunBeforeTheDirectory() {
        revise(true);
    }

    private void revise(boolean campaignFirst) {
        if (campaignFirst) {
            group = List.of(group.get(2), group.get(1), group.get(0));
        }
        deliver(activated(edition(1, members(true))));
        List<MemberEdition> second = new ArrayList<>(members(false)); // Lucia left out
        second.set(1, new MemberEdition(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER, true,
                List.of(new WorkUnitRef(ordinePublica, "Ordine publică")), false, false));
        deliver(revised(edition(2, second)));

        List<NotificationView> toAna = inbox(ana);
        assertThat(toAna).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.PLAN_REVISED, NotificationKind.PLAN_ACTIVATED);
        NotificationView revised = toAna.getFirst();
        assertThat(revised.title()).isEqualTo("Plan modificat (ediția 2): „Evaluarea riscurilor de corupție 2026–2027”");
        assertThat(revised.message()).startsWith("Planul „Evaluarea riscurilor de corupție 2026–2027” al structurii IPJ "
                + "Cluj a fost modificat de Horia Șeful; este în vigoare ediția 2. Rolul dumneavoastră: membru al grupului "
                + "de lucru. Unitățile de lucru pentru care răspundeți: Ordine publică. Nu vi se solicită completarea "
                + "chestionarului de management (Anexa 2). Termene: ");
        assertThat(revised.workUnitNames()).containsExactly("Ordine publică");
        assertThat(revised.severity()).isEqualTo(NotificationSeverity.INFO);

        NotificationView toLucia = inbox(leftOut).getFirst();
        assertThat(toLucia.kind()).isEqualTo(NotificationKind.PLAN_REVISED);
        assertThat(toLucia.message()).isEqualTo("Planul „Evaluarea riscurilor de corupție 2026–2027” al structurii IPJ "
                + "Cluj a fost modificat de Horia Șeful; este în vigoare ediția 2. Nu mai aveți sarcini în acest plan.");
        assertThat(inbox(leftOut)).hasSize(2);
        assertThat(inbox(head)).hasSize(2);
        assertThat(inbox(counsellor)).hasSize(2);
        assertThat(inbox(bogdan)).isEmpty();
    }

    @Test
    void aClosedPlanIsToldToTheActiveMembersOfItsLastEditionButTheOneWhoClosedIt() {
        deliver(activated(edition(1, members(true))));
        deliver(event(leftOut, new UserDeactivated(leftOut, "pensionare")));
        deliver(event(plan, new PlanClosed(plan, cluj), counsellor.toString()));

        NotificationView toAna = inbox(ana).getFirst();
        assertThat(toAna.kind()).isEqualTo(NotificationKind.PLAN_CLOSED);
        assertThat(toAna.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toAna.title()).isEqualTo("Plan închis: „Evaluarea riscurilor de corupție 2026–2027”");
        assertThat(toAna.message()).isEqualTo("Planul „Evaluarea riscurilor de corupție 2026–2027” al structurii IPJ Cluj "
                + "a fost închis de Corina Consilier. Planul și documentele sale rămân disponibile pentru consultare.");
        assertThat(toAna.actorUserId()).isEqualTo(counsellor.toString());
        assertThat(inbox(head).getFirst().kind()).isEqualTo(NotificationKind.PLAN_CLOSED);
        assertThat(inbox(counsellor)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(leftOut)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(bogdan)).isEmpty();
    }

    // ------------------------------------------------------------------ Anexa 3

    @Test
    void anAnalysisFinalisedInTimeIsToldToTheHeadsAndCounsellorsButItsAuthor() {
        deliver(activated(edition(1, members(true))));
        UUID analysis = UUID.randomUUID();
        deliver(event(analysis, new ActivityAnalysisFinalised(analysis, analysis(1, ana, "Ana Mureșan", false))));

        for (UUID recipient : List.of(head, counsellor)) {
            NotificationView n = inbox(recipient).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.ANALYSIS_FINALISED);
            assertThat(n.severity()).isEqualTo(NotificationSeverity.INFO);
            assertThat(n.title()).isEqualTo("Anexa 3 finalizată: Ordine publică (IPJ Cluj)");
            assertThat(n.message()).isEqualTo("Ana Mureșan a finalizat analiza activităților vulnerabile (Anexa 3) "
                    + "pentru unitatea de lucru „Ordine publică”, în cadrul planului „Evaluarea riscurilor de corupție "
                    + "2026–2027” (IPJ Cluj, județul Cluj).");
            assertThat(n.subjectId()).isEqualTo(analysis);
            assertThat(n.subjectKind()).isEqualTo("ANALYSIS");
            assertThat(n.workUnitNames()).containsExactly("Ordine publică");
        }
        assertThat(inbox(ana)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(centralAdmin)).isEmpty();
        assertThat(inbox(territorialCluj)).isEmpty();

        // the head's own analysis, a second version: the counsellor is told, not the head
        UUID headsAnalysis = UUID.randomUUID();
        deliver(event(headsAnalysis, new ActivityAnalysisFinalised(headsAnalysis, analysis(2, head, "Horia Șeful", false))));
        assertThat(inbox(counsellor).getFirst().message()).startsWith("Horia Șeful a finalizat versiunea 2 a analizei "
                + "activităților vulnerabile (Anexa 3)");
        assertThat(inbox(head)).hasSize(2);
    }

    @Test
    void aLateAnalysisIsUrgentAndReachesTheCentralAdministratorsAndOnlyTheCountysTerritorialAdministrators() {
        deliver(activated(edition(1, members(true))));
        UUID analysis = UUID.randomUUID();
        DomainEventMessage<?> late = deliver(event(analysis,
                new ActivityAnalysisFinalised(analysis, analysis(1, ana, "Ana Mureșan", true))));

        List<UUID> recipients = jdbc.sql("SELECT recipient_user_id FROM notification WHERE source_event_id = ?")
                .param(late.getIdentifier()).query(UUID.class).list();
        assertThat(recipients).containsExactlyInAnyOrder(head, counsellor, centralAdmin, territorialCluj,
                territorialRegranted);
        for (UUID recipient : recipients) {
            NotificationView n = inbox(recipient).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.ANALYSIS_FINALISED_LATE);
            assertThat(n.severity()).isEqualTo(NotificationSeverity.URGENT);
            assertThat(n.title()).isEqualTo("Anexa 3 finalizată după termen: Ordine publică (IPJ Cluj)");
            assertThat(n.message()).isEqualTo("Ana Mureșan a finalizat analiza activităților vulnerabile (Anexa 3) "
                    + "pentru unitatea de lucru „Ordine publică”, în cadrul planului „Evaluarea riscurilor de corupție "
                    + "2026–2027” (IPJ Cluj, județul Cluj) la 02.02.2027, după termenul etapei de identificare și "
                    + "descriere a riscurilor de corupție (29.01.2027).");
        }
        // one notification per recipient: the head is not told twice
        assertThat(inbox(head)).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.ANALYSIS_FINALISED_LATE, NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(territorialIasi)).isEmpty();
        assertThat(inbox(territorialRevoked)).isEmpty();
        assertThat(inbox(territorialDeactivated)).isEmpty();
        assertThat(inbox(retiredAdmin)).isEmpty();
        assertThat(inbox(ana)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);

        // N01: the inbox filtered by severity
        assertThat(queries.inbox(head, false, List.of(NotificationSeverity.URGENT), 10, null).items())
                .extracting(NotificationView::kind).containsExactly(NotificationKind.ANALYSIS_FINALISED_LATE);
        assertThat(queries.inbox(head, false, List.of(NotificationSeverity.INFO), 10, null).items())
                .extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(queries.inbox(head, false, List.of(NotificationSeverity.WARNING), 10, null).items()).isEmpty();
        assertThat(queries.inbox(head, false, List.of(), 10, null).items()).hasSize(2);
        assertThat(queries.inbox(head, true, List.of(NotificationSeverity.URGENT, NotificationSeverity.INFO), 10, null)
                .items()).hasSize(2);
    }

    @Test
    void anAssessmentFinalisedInTimeIsToldToTheHeadsAndCounsellorsButItsAuthorWithItsClass() {
        deliver(activated(edition(1, members(true))));
        UUID assessment = UUID.randomUUID();
        deliver(event(assessment, new RiskAssessmentFinalised(assessment, assessment(1, ana, "Ana Mureșan", false)),
                ana.toString()));

        for (UUID recipient : List.of(head, counsellor)) {
            NotificationView n = inbox(recipient).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.ASSESSMENT_FINALISED);
            assertThat(n.severity()).isEqualTo(NotificationSeverity.INFO);
            assertThat(n.title()).isEqualTo("Anexa 4 finalizată: Luarea de mită (IPJ Cluj)");
            assertThat(n.message()).isEqualTo("Ana Mureșan a finalizat evaluarea riscului „Luarea de mită” (Anexa 4) "
                    + "pentru activitatea „Constatarea contravențiilor” a unității de lucru „Ordine publică”, în cadrul "
                    + "planului „Evaluarea riscurilor de corupție 2026–2027” (IPJ Cluj, județul Cluj); risc moderat "
                    + "(prioritatea 2, expunere 13,98).");
            assertThat(n.subjectId()).isEqualTo(assessment);
            assertThat(n.subjectKind()).isEqualTo("ASSESSMENT");
            assertThat(n.workUnitNames()).containsExactly("Ordine publică");
        }
        assertThat(inbox(ana)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(centralAdmin)).isEmpty();
        assertThat(inbox(territorialCluj)).isEmpty();

        // the counsellor's own assessment, a second edition: the head is told, not the counsellor
        UUID counsellors = UUID.randomUUID();
        deliver(event(counsellors, new RiskAssessmentFinalised(counsellors,
                assessment(2, counsellor, "Corina Consilier", false)), counsellor.toString()));
        assertThat(inbox(head).getFirst().message()).startsWith("Corina Consilier a finalizat versiunea 2 a evaluării "
                + "riscului „Luarea de mită” (Anexa 4)");
        assertThat(inbox(counsellor)).hasSize(2);
    }

    @Test
    void aLateAssessmentIsUrgentAgainstTheMeasuresStageDeadline() {
        deliver(activated(edition(1, members(true))));
        UUID assessment = UUID.randomUUID();
        DomainEventMessage<?> late = deliver(event(assessment,
                new RiskAssessmentFinalised(assessment, assessment(1, ana, "Ana Mureșan", true)), ana.toString()));

        List<UUID> recipients = jdbc.sql("SELECT recipient_user_id FROM notification WHERE source_event_id = ?")
                .param(late.getIdentifier()).query(UUID.class).list();
        assertThat(recipients).containsExactlyInAnyOrder(head, counsellor, centralAdmin, territorialCluj,
                territorialRegranted);
        NotificationView n = inbox(centralAdmin).getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.ASSESSMENT_FINALISED_LATE);
        assertThat(n.severity()).isEqualTo(NotificationSeverity.URGENT);
        assertThat(n.title()).isEqualTo("Anexa 4 finalizată după termen: Luarea de mită (IPJ Cluj)");
        assertThat(n.message()).endsWith("(IPJ Cluj, județul Cluj); risc moderat (prioritatea 2, expunere 13,98) "
                + "la 03.06.2027, după termenul etapei de determinare și implementare a măsurilor de prevenire/control "
                + "a riscurilor de corupție (31.05.2027).");
        assertThat(inbox(head)).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.ASSESSMENT_FINALISED_LATE, NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(ana)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_ACTIVATED);
        assertThat(inbox(territorialIasi)).isEmpty();
    }

    @Test
    void theDirectoryFollowsTheTerritorialRoleAndTheAccount() {
        deliver(activated(edition(1, members(true))));
        // Tudor deactivated, then reactivated: told again; Irina's role now covers Cluj
        deliver(event(territorialCluj, new UserDeactivated(territorialCluj, "concediu")));
        deliver(event(territorialCluj, new UserReactivated(territorialCluj)));
        deliver(event(territorialIasi, new RoleGranted(territorialIasi, Role.TERRITORIAL_ADMIN, List.of(County.CJ), false)));
        UUID analysis = UUID.randomUUID();
        DomainEventMessage<?> late = deliver(event(analysis,
                new ActivityAnalysisFinalised(analysis, analysis(1, ana, "Ana Mureșan", true))));
        assertThat(jdbc.sql("SELECT recipient_user_id FROM notification WHERE source_event_id = ?")
                .param(late.getIdentifier()).query(UUID.class).list())
                .containsExactlyInAnyOrder(head, counsellor, centralAdmin, territorialCluj, territorialIasi,
                        territorialRegranted);
    }

    // ------------------------------------------------------------------ Anexa 2

    @Test
    void aFinalisedQuestionnaireIsToldToTheHeadsAndCounsellorsButTheRespondent() {
        deliver(activated(edition(1, members(true))));
        UUID answer = UUID.randomUUID();
        deliver(event(answer, new QuestionnaireAnswerFinalised(answer, plan, cluj, counsellor, "Corina Consilier", 3),
                counsellor.toString()));

        NotificationView toHead = inbox(head).getFirst();
        assertThat(toHead.kind()).isEqualTo(NotificationKind.QUESTIONNAIRE_FINALISED);
        assertThat(toHead.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toHead.title()).isEqualTo("Chestionar de management finalizat: Corina Consilier");
        assertThat(toHead.message()).isEqualTo("Corina Consilier a finalizat răspunsul la chestionarul de management "
                + "(Anexa 2) în cadrul planului „Evaluarea riscurilor de corupție 2026–2027” (IPJ Cluj).");
        assertThat(toHead.subjectId()).isEqualTo(answer);
        assertThat(toHead.subjectKind()).isEqualTo("QUESTIONNAIRE_ANSWER");
        assertThat(toHead.actorUserId()).isEqualTo(counsellor.toString());
        assertThat(inbox(counsellor)).hasSize(1);
        assertThat(inbox(ana)).hasSize(1);

        // a member's answer reaches both
        UUID anasAnswer = UUID.randomUUID();
        deliver(event(anasAnswer, new QuestionnaireAnswerFinalised(anasAnswer, plan, cluj, ana, "Ana Mureșan", 3)));
        assertThat(inbox(head)).hasSize(3);
        assertThat(inbox(counsellor).getFirst().actorUserId()).isEqualTo(ana.toString()); // sent by MARC: the respondent
    }

    // ------------------------------------------------------------------ redelivery, severity of older rows

    @Test
    void aRedeliveredEventCreatesNoDuplicateAndIsNotToldAgain() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(deliver(activated(edition(1, members(true)))));
        events.add(deliver(revised(edition(2, members(false)))));
        UUID analysis = UUID.randomUUID();
        events.add(deliver(event(analysis, new ActivityAnalysisFinalised(analysis, analysis(1, ana, "Ana Mureșan", true)))));
        UUID answer = UUID.randomUUID();
        events.add(deliver(event(answer, new QuestionnaireAnswerFinalised(answer, plan, cluj, ana, "Ana Mureșan", 1))));
        events.add(deliver(event(plan, new PlanClosed(plan, cluj), head.toString())));
        List<String> before = dump();
        int toldBefore = told.size();
        assertThat(before).hasSizeGreaterThan(10);

        events.forEach(this::deliver);
        events.forEach(this::deliver);

        assertThat(dump()).containsExactlyElementsOf(before);
        assertThat(told).hasSize(toldBefore);
    }

    /** A rebuild of the group (reset, replay) refills the plans in the directory and sends nothing again. */
    @Test
    void aReplayRefillsThePlansInTheDirectoryAndSendsNothingAgain() {
        deliver(activated(edition(1, members(true))));
        deliver(revised(edition(2, members(false))));
        UUID analysis = UUID.randomUUID();
        deliver(event(analysis, new ActivityAnalysisFinalised(analysis, analysis(1, ana, "Ana Mureșan", true))));
        List<DomainEventMessage<?>> history = List.copyOf(this.history);
        List<String> plans = planRows();
        int toldBefore = told.size();
        assertThat(plans).hasSize(1 + 6 + 5);

        group.forEach(AnnotationEventHandlerAdapter::prepareReset);
        assertThat(planRows()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_account WHERE territorial_counties <> '{}'")
                .query(Long.class).single()).isZero();
        jdbc.sql("DELETE FROM notification").update(); // were the handlers run again, they would write these rows again
        GlobalSequenceTrackingToken resetAt = new GlobalSequenceTrackingToken(history.size());
        for (int i = 0; i < history.size(); i++) {
            deliver(new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(resetAt, new GlobalSequenceTrackingToken(i)), history.get(i)));
        }

        assertThat(jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single()).as("nothing sent again").isZero();
        assertThat(told).hasSize(toldBefore);
        assertThat(planRows()).isEqualTo(plans);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_account WHERE territorial_counties <> '{}'")
                .query(Long.class).single()).isEqualTo(4);
    }

    private List<String> planRows() {
        List<String> rows = new ArrayList<>(jdbc.sql("SELECT * FROM notification_plan ORDER BY id")
                .query((rs, n) -> "plan " + rs.getString("id") + " " + rs.getString("purpose") + " " + rs.getString("county")
                        + " " + rs.getInt("edition") + " " + rs.getBoolean("closed") + " " + rs.getLong("last_event_seq")).list());
        rows.addAll(jdbc.sql("SELECT * FROM notification_plan_member ORDER BY edition, user_id")
                .query((rs, n) -> "member " + rs.getInt("edition") + " " + rs.getString("user_id") + " " + rs.getString("role")
                        + " " + rs.getBoolean("active")).list());
        return rows;
    }

    @Test
    void aNotificationWrittenBeforeSeveritiesIsInfo() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (id, recipient_user_id, kind, title, message, source_event_seq, created_at)
                VALUES (?, ?, 'CAUSE_ADDED', 'Cauză', 'Mesaj', 0, ?)""")
                .params(id, centralAdmin, Timestamp.from(T0)).update();
        assertThat(only(centralAdmin).severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(queries.byId(id).orElseThrow().severity()).isEqualTo(NotificationSeverity.INFO);
    }

    // ------------------------------------------------------------------ events

    /** Horia (head, Logistică), Ana (member), Corina (counsellor, A103), Lucia (member); Bogdan listed as deactivated. */
    private List<MemberEdition> members(boolean withLucia) {
        List<MemberEdition> members = new ArrayList<>(List.of(
                new MemberEdition(head, "Horia Șeful", Role.WORKING_GROUP_HEAD, true,
                        List.of(new WorkUnitRef(logistica, "Logistică")), true, false),
                new MemberEdition(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER, true,
                        List.of(new WorkUnitRef(ordinePublica, "Ordine publică"), new WorkUnitRef(rutiera, "Poliție rutieră")),
                        true, false),
                new MemberEdition(counsellor, "Corina Consilier", Role.INTEGRITY_COUNSELLOR, true, List.of(), false, true),
                new MemberEdition(bogdan, "Bogdan Pop", Role.WORKING_GROUP_MEMBER, false,
                        List.of(new WorkUnitRef(rutiera, "Poliție rutieră")), true, false),
                new MemberEdition(laterDeactivated, "Mihai Suspendat", Role.WORKING_GROUP_MEMBER, true,
                        List.of(new WorkUnitRef(logistica, "Logistică")), true, false)));
        if (withLucia) {
            members.add(new MemberEdition(leftOut, "Lucia Plecată", Role.WORKING_GROUP_MEMBER, true,
                    List.of(new WorkUnitRef(rutiera, "Poliție rutieră")), false, false));
        }
        return members;
    }

    private PlanEdition edition(int number, List<MemberEdition> members) {
        return new PlanEdition(number, cluj, "IPJ Cluj", County.CJ, LocalDate.of(2026, 11, 2),
                "Evaluarea riscurilor de corupție 2026–2027", List.of(
                new StageSchedule(Stage.IDENTIFICATION, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 29)),
                new StageSchedule(Stage.EVALUATION, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 3, 31)),
                new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31))),
                members, head, "Horia Șeful");
    }

    private DomainEventMessage<?> activated(PlanEdition edition) {
        return event(plan, new PlanActivated(plan, cluj, edition.startDate(), edition.purpose(), planMembers(edition),
                deadlines(), edition), head.toString());
    }

    private DomainEventMessage<?> revised(PlanEdition edition) {
        return event(plan, new PlanRevised(plan, cluj, edition.startDate(), edition.purpose(), planMembers(edition),
                deadlines(), edition), head.toString());
    }

    private static List<PlanMember> planMembers(PlanEdition edition) {
        return edition.members().stream().map(m -> new PlanMember(m.userId(),
                m.workUnits().stream().map(WorkUnitRef::workUnitId).toList(), m.questionnaireRequired(),
                m.followsMemberWorkflow())).toList();
    }

    private static StageDeadlines deadlines() {
        return new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
    }

    private AnalysisEdition analysis(int edition, UUID member, String memberName, boolean late) {
        return new AnalysisEdition(edition, plan, "Evaluarea riscurilor de corupție 2026–2027", cluj, "IPJ Cluj",
                County.CJ, ordinePublica, "Ordine publică", member, memberName,
                late ? LocalDate.of(2027, 2, 2) : LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 29), late, List.of());
    }

    /** Exposure 3 × 4.66 = 13.98, moderate, priority 2. */
    private AssessmentEdition assessment(int edition, UUID member, String memberName, boolean late) {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        RiskEvaluation evaluation = RiskEvaluation.of(3, List.of(new ImpactScore(a, 33, 5), new ImpactScore(b, 33, 5),
                new ImpactScore(c, 34, 4)), MethodologyContent.defaults(), 1);
        return new AssessmentEdition(edition, plan, "Evaluarea riscurilor de corupție 2026–2027", cluj, "IPJ Cluj",
                County.CJ, ordinePublica, "Ordine publică", UUID.randomUUID(), "Ordine și siguranță publică",
                UUID.randomUUID(), "Constatarea contravențiilor", UUID.randomUUID(), "Luarea de mită", member, memberName,
                late ? LocalDate.of(2027, 6, 3) : LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 31), late,
                RiskDescription.empty(), evaluation, List.of(), Map.of(), Map.of());
    }

    private void account(UUID id, String name, UUID orgUnit, Role role, County... counties) {
        deliver(event(id, new UserRegistered(id, "iss", "sub-" + id, name, id + "@marc.invalid", orgUnit)));
        deliver(event(id, new RoleGranted(id, role, List.of(counties), false)));
    }

    private DomainEventMessage<?> event(UUID id, Object payload) {
        return event(id, payload, "system");
    }

    /** The next event of entity {@code id}, sent by {@code userId}; identifier and timestamp fixed by the entity and seq. */
    private DomainEventMessage<?> event(UUID id, Object payload, String userId) {
        long seq = sequences.merge(id, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("Test", id.toString(), seq, payload, MetaData.with("userId", userId),
                UUID.nameUUIDFromBytes((id + "/" + seq).getBytes()).toString(),
                T0.plusSeconds(60L * sequences.values().stream().mapToLong(Long::longValue).sum()));
    }

    private DomainEventMessage<?> deliver(DomainEventMessage<?> event) {
        if (!(event instanceof GenericTrackedDomainEventMessage<?>)) {
            history.add(event);
        }
        for (AnnotationEventHandlerAdapter handler : group) {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + event.getPayload() + " failed", e);
            }
        }
        return event;
    }

    // ------------------------------------------------------------------ reading

    private List<NotificationView> inbox(UUID recipient) {
        return queries.inbox(recipient, false, 100, null).items();
    }

    private NotificationView only(UUID recipient) {
        List<NotificationView> inbox = inbox(recipient);
        assertThat(inbox).hasSize(1);
        return inbox.getFirst();
    }

    private List<String> dump() {
        return jdbc.sql("SELECT * FROM notification ORDER BY recipient_user_id, source_event_id, kind")
                .query((rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                    }
                    return row.toString();
                }).list();
    }

    private void truncate() {
        jdbc.sql("""
                TRUNCATE notification, notification_account, notification_org_unit, notification_work_unit,
                         notification_item, notification_plan, notification_plan_member""").update();
    }
}
