package ro.marc.query.notification;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.RoleGranted;
import ro.marc.events.access.event.UserDeactivated;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.event.RiskRegisterSaved;
import ro.marc.query.support.TestServices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegisterNotifications} on a real PostgreSQL with the group's directory, as the notifications processor runs
 * them: the register saved to every active member with their own measures' count (UCA 81), a reminder to the member
 * (WARNING), an overdue measure to the member and the heads / counsellors (URGENT), a finalised monitoring to the
 * heads / counsellors (UCA 82), and a redelivered reminder adds nothing.
 */
class RegisterNotificationsTest {

    private static final Instant T0 = Instant.parse("2027-04-02T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final NotificationQueries queries = new NotificationQueries(jdbc);
    private final List<NotificationView> told = new CopyOnWriteArrayList<>();
    private final List<AnnotationEventHandlerAdapter> group = List.of(
            new AnnotationEventHandlerAdapter(new NotificationDirectory(jdbc)),
            new AnnotationEventHandlerAdapter(new NotificationProjection(jdbc, List.of(told::add))),
            new AnnotationEventHandlerAdapter(new RegisterNotifications(jdbc, List.of(told::add))));

    private final UUID cluj = UUID.randomUUID();
    private final UUID ordine = UUID.randomUUID();
    private final UUID head = UUID.randomUUID();
    private final UUID counsellor = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID bogdan = UUID.randomUUID();
    private final UUID gone = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final UUID anaAssessment = UUID.randomUUID();
    private final UUID bogdanAssessment = UUID.randomUUID();
    private final Map<UUID, Long> sequences = new HashMap<>();

    @BeforeEach
    void setUp() {
        truncate();
        deliver(event(cluj, new OrgUnitCreated(cluj, UUID.randomUUID(), "IPJ Cluj", 2, County.CJ), "system"));
        account(head, "Horia Șeful", Role.WORKING_GROUP_HEAD);
        account(counsellor, "Corina Consilier", Role.INTEGRITY_COUNSELLOR);
        account(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER);
        account(bogdan, "Bogdan Pop", Role.WORKING_GROUP_MEMBER);
        account(gone, "Lucia Plecată", Role.WORKING_GROUP_MEMBER);
        deliver(event(gone, new UserDeactivated(gone, "transfer"), "system"));
        PlanEdition edition = new PlanEdition(1, cluj, "IPJ Cluj", County.CJ, LocalDate.of(2026, 11, 2), "Evaluarea riscurilor 2026",
                List.of(new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31))), List.of(
                member(head, "Horia Șeful", Role.WORKING_GROUP_HEAD), member(counsellor, "Corina Consilier", Role.INTEGRITY_COUNSELLOR),
                member(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER), member(bogdan, "Bogdan Pop", Role.WORKING_GROUP_MEMBER),
                member(gone, "Lucia Plecată", Role.WORKING_GROUP_MEMBER)), head, "Horia Șeful");
        deliver(event(plan, new PlanActivated(plan, cluj, edition.startDate(), edition.purpose(), edition.members().stream()
                .map(m -> new PlanMember(m.userId(), List.of(ordine), true, false)).toList(),
                new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31)), edition),
                head.toString()));
        told.clear();
    }

    @AfterEach
    void tearDown() {
        truncate();
    }

    private MemberEdition member(UUID id, String name, Role role) {
        return new MemberEdition(id, name, role, true, List.of(new WorkUnitRef(ordine, "Ordine publică")), false, false);
    }

    private AssessmentEdition assessment(UUID member, String name) {
        return new AssessmentEdition(1, plan, "Evaluarea riscurilor 2026", cluj, "IPJ Cluj", County.CJ, ordine,
                "Ordine publică", null, "", UUID.randomUUID(), "Constatarea contravențiilor", UUID.randomUUID(),
                "Luarea de mită", member, name, LocalDate.of(2027, 3, 20), LocalDate.of(2027, 5, 31), false,
                RiskDescription.empty(), null, List.of(), Map.of(), Map.of());
    }

    @Test
    void a_saved_register_is_told_to_every_active_member_but_the_one_who_saved_it_with_their_own_measures() {
        UUID risk = UUID.randomUUID();
        RegisterRisk merged = new RegisterRisk(risk, "Luarea de mită", UUID.randomUUID(), "Constatarea contravențiilor", null,
                "", anaAssessment, null, List.of(assessment(ana, "Ana Mureșan"), assessment(bogdan, "Bogdan Pop")),
                List.of(anaAssessment, bogdanAssessment));
        LocalDate deadline = LocalDate.of(2027, 9, 30);
        RegisterEdition edition = new RegisterEdition(1, plan, "Evaluarea riscurilor 2026", cluj, "IPJ Cluj", County.CJ,
                "1234/2027", "Ion Aprobatu", LocalDate.of(2027, 4, 2), head, "Horia Șeful", LocalDate.of(2027, 4, 1),
                LocalDate.of(2027, 11, 1), List.of(merged), List.of(), List.of(
                new MeasureSchedule(anaAssessment, UUID.randomUUID(), deadline, MeasurePeriodicity.ONCE),
                new MeasureSchedule(anaAssessment, UUID.randomUUID(), deadline, MeasurePeriodicity.MONTHLY),
                new MeasureSchedule(bogdanAssessment, UUID.randomUUID(), deadline, MeasurePeriodicity.ONCE)),
                List.of("Horia Șeful", "Corina Consilier", "Ana Mureșan", "Bogdan Pop"));
        UUID register = RegisterIds.of(plan);
        deliver(event(register, new RiskRegisterSaved(register, edition), head.toString()));

        NotificationView toAna = only(ana);
        assertThat(toAna.kind()).isEqualTo(NotificationKind.REGISTER_SAVED);
        assertThat(toAna.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toAna.title()).isEqualTo("Registrul riscurilor salvat (ediția 1): IPJ Cluj");
        assertThat(toAna.message()).isEqualTo("Registrul riscurilor (Anexa 10) al structurii IPJ Cluj, planul „Evaluarea "
                + "riscurilor 2026”, a fost salvat de Horia Șeful ca ediția 1 (nr. de înregistrare 1234/2027, aprobat de "
                + "Ion Aprobatu). Registrul vă programează 2 măsuri: urmăriți-le termenele.");
        assertThat(toAna.subjectId()).isEqualTo(register);
        assertThat(toAna.subjectKind()).isEqualTo("REGISTER");
        assertThat(only(bogdan).message()).endsWith("Registrul vă programează o măsură: urmăriți-i termenul.");
        assertThat(only(counsellor).message()).endsWith("Registrul nu vă programează măsuri.");
        assertThat(inbox(head)).as("the one who saved it").isEmpty();
        assertThat(inbox(gone)).as("deactivated").isEmpty();
    }

    @Test
    void a_reminder_goes_to_the_member_as_a_warning_once_an_overdue_measure_also_to_the_heads_and_counsellors_as_urgent() {
        UUID measure = UUID.randomUUID();
        UUID monitoring = MonitoringIds.of(anaAssessment);
        DomainEventMessage<?> reminder = event(monitoring, new MeasureDueSoon(monitoring, anaAssessment, plan, cluj, ana, measure,
                "Rotația membrilor comisiei", "Luarea de mită", LocalDate.of(2027, 4, 30), LocalDate.of(2027, 9, 30),
                LocalDate.of(2027, 4, 27)), "system");
        deliver(reminder);
        deliver(reminder); // redelivered
        NotificationView warning = only(ana);
        assertThat(warning.kind()).isEqualTo(NotificationKind.MEASURE_DUE_SOON);
        assertThat(warning.severity()).isEqualTo(NotificationSeverity.WARNING);
        assertThat(warning.title()).isEqualTo("Termen apropiat (30.04.2027): Rotația membrilor comisiei");
        assertThat(warning.message()).isEqualTo("Măsura „Rotația membrilor comisiei” pentru riscul „Luarea de mită” are "
                + "termenul perioadei curente la 30.04.2027 (termen final 30.09.2027). Marcați-o ca realizată sau "
                + "introduceți valorile indicatorilor.");
        assertThat(warning.subjectId()).isEqualTo(anaAssessment);
        assertThat(inbox(head)).isEmpty();

        deliver(event(monitoring, new MeasureOverdue(monitoring, anaAssessment, plan, cluj, ana, measure,
                "Rotația membrilor comisiei", "Luarea de mită", LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 1)), "system"));
        for (UUID recipient : List.of(ana, head, counsellor)) {
            NotificationView urgent = inbox(recipient).getFirst();
            assertThat(urgent.kind()).isEqualTo(NotificationKind.MEASURE_OVERDUE);
            assertThat(urgent.severity()).isEqualTo(NotificationSeverity.URGENT);
            assertThat(urgent.message()).isEqualTo("Măsura „Rotația membrilor comisiei” pentru riscul „Luarea de mită” nu "
                    + "a fost realizată până la termenul 30.09.2027 (responsabil de evaluare: Ana Mureșan).");
        }
        assertThat(inbox(bogdan)).isEmpty();
    }

    @Test
    void a_finalised_monitoring_is_told_to_the_heads_and_counsellors_but_the_member() {
        UUID monitoring = MonitoringIds.of(counsellor);
        deliver(event(monitoring, new MonitoringFinalised(monitoring, anaAssessment, plan, cluj, counsellor, "Corina Consilier",
                UUID.randomUUID(), "Luarea de mită", LocalDate.of(2027, 10, 2), 3, 1), counsellor.toString()));
        NotificationView toHead = only(head);
        assertThat(toHead.kind()).isEqualTo(NotificationKind.MONITORING_FINALISED);
        assertThat(toHead.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toHead.message()).isEqualTo("Corina Consilier a finalizat monitorizarea măsurilor riscului „Luarea de "
                + "mită” la 02.10.2027: 3 măsuri realizate, dintre care 1 după termen.");
        assertThat(inbox(counsellor)).isEmpty();
        assertThat(inbox(ana)).isEmpty();
    }

    // ------------------------------------------------------------------ events

    private void account(UUID id, String name, Role role) {
        deliver(event(id, new UserRegistered(id, "iss", "sub-" + id, name, id + "@marc.invalid", cluj), "system"));
        deliver(event(id, new RoleGranted(id, role, List.of(), false), "system"));
    }

    private DomainEventMessage<?> event(UUID id, Object payload, String userId) {
        long seq = sequences.merge(id, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("Test", id.toString(), seq, payload, MetaData.with("userId", userId),
                UUID.nameUUIDFromBytes((id + "/" + seq).getBytes()).toString(),
                T0.plusSeconds(60L * sequences.values().stream().mapToLong(Long::longValue).sum()));
    }

    private void deliver(DomainEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : group) {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + event.getPayload() + " failed", e);
            }
        }
    }

    private List<NotificationView> inbox(UUID recipient) {
        return queries.inbox(recipient, false, 100, null).items();
    }

    private NotificationView only(UUID recipient) {
        List<NotificationView> inbox = inbox(recipient);
        assertThat(inbox).hasSize(1);
        return inbox.getFirst();
    }

    private void truncate() {
        jdbc.sql("""
                TRUNCATE notification, notification_account, notification_org_unit, notification_work_unit,
                         notification_item, notification_plan, notification_plan_member""").update();
    }
}
