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
import ro.marc.events.access.event.UserDeactivated;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.IncidentRiskLinkRevised;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.ActivityProposed;
import ro.marc.events.nomenclature.event.ApprovedItemCorrected;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitAssigned;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitUnassigned;
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
import ro.marc.query.support.TestServices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IncidentNotifications} (UCA 47) on a real PostgreSQL, with the group's directory ({@link NotificationDirectory}),
 * {@link NotificationProjection} and {@link CampaignNotifications} as the processor runs them: who is told that an
 * incident was linked to a risk of their work units' activity (members of active plans in two structures, an A103
 * counsellor through their structure's work units), who is not (a member of another work unit, a member inactive in
 * the edition or deactivated, a member left out of the latest edition, the members of a closed plan, a counsellor
 * whose structure does not hold the work unit), the text, redelivery and a rebuild of the group.
 * The events are built by hand, as the command side writes them.
 */
class IncidentNotificationsTest {

    private static final Instant T0 = Instant.parse("2027-02-10T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final NotificationQueries queries = new NotificationQueries(jdbc);
    private final List<NotificationView> told = new CopyOnWriteArrayList<>();
    private final List<AnnotationEventHandlerAdapter> group = List.of(
            new AnnotationEventHandlerAdapter(new IncidentNotifications(jdbc, List.of(told::add))),
            new AnnotationEventHandlerAdapter(new NotificationDirectory(jdbc)),
            new AnnotationEventHandlerAdapter(new NotificationProjection(jdbc, List.of(told::add))),
            new AnnotationEventHandlerAdapter(new CampaignNotifications(jdbc, List.of(told::add))));

    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID brasov = UUID.randomUUID();
    private final UUID alba = UUID.randomUUID();
    private final UUID ordine = UUID.randomUUID();
    private final UUID rutiera = UUID.randomUUID();
    private final UUID logistica = UUID.randomUUID();
    private final UUID control = UUID.randomUUID();
    private final UUID mita = UUID.randomUUID();

    // Cluj's plan (edition 2 in force)
    private final UUID ana = UUID.randomUUID();        // member, ordine + rutiera: told
    private final UUID bogdan = UUID.randomUUID();     // member, rutiera only: not told (until the activity has rutiera)
    private final UUID corina = UUID.randomUUID();     // A103 counsellor: Cluj holds ordine, told
    private final UUID horia = UUID.randomUUID();      // head, logistica: not told
    private final UUID mihai = UUID.randomUUID();      // ordine, inactive in the edition (A102): not told
    private final UUID lucia = UUID.randomUUID();      // ordine in edition 1 only: not told
    // Iași's plan
    private final UUID ion = UUID.randomUUID();        // member, ordine: told (another structure)
    private final UUID dana = UUID.randomUUID();       // member, ordine, account deactivated: not told
    // Brașov's plan, closed
    private final UUID victor = UUID.randomUUID();     // member, ordine: not told
    // Alba's plan: Alba holds logistica only
    private final UUID alina = UUID.randomUUID();      // A103 counsellor: not told

    private final UUID clujPlan = UUID.randomUUID();
    private final UUID iasiPlan = UUID.randomUUID();
    private final UUID brasovPlan = UUID.randomUUID();
    private final UUID albaPlan = UUID.randomUUID();
    private final UUID incident = UUID.randomUUID();

    private final Map<UUID, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        truncate();
        deliver(event(cluj, new OrgUnitCreated(cluj, UUID.randomUUID(), "IPJ Cluj", 2, County.CJ)));
        deliver(event(iasi, new OrgUnitCreated(iasi, UUID.randomUUID(), "IPJ Iași", 2, County.IS)));
        deliver(event(brasov, new OrgUnitCreated(brasov, UUID.randomUUID(), "IPJ Brașov", 2, County.BV)));
        deliver(event(alba, new OrgUnitCreated(alba, UUID.randomUUID(), "IPJ Alba", 2, County.AB)));
        deliver(event(ordine, new WorkUnitDefined(ordine, "Ordine publică")));
        deliver(event(rutiera, new WorkUnitDefined(rutiera, "Poliție rutieră")));
        deliver(event(logistica, new WorkUnitDefined(logistica, "Logistică")));
        for (UUID wu : List.of(ordine, rutiera, logistica)) {
            deliver(event(cluj, new WorkUnitAssigned(cluj, wu)));
        }
        deliver(event(iasi, new WorkUnitAssigned(iasi, ordine)));
        deliver(event(brasov, new WorkUnitAssigned(brasov, ordine)));
        // Alba held ordine once; it no longer does
        deliver(event(alba, new WorkUnitAssigned(alba, ordine)));
        deliver(event(alba, new WorkUnitAssigned(alba, logistica)));
        deliver(event(alba, new WorkUnitUnassigned(alba, ordine)));
        deliver(event(control, new ActivityProposed(control, "Constatarea contravențiilor", null, UUID.randomUUID(),
                List.of(ordine), List.of(), "system", cluj)));

        account(ana, "Ana Mureșan", cluj, Role.WORKING_GROUP_MEMBER, false);
        account(bogdan, "Bogdan Pop", cluj, Role.WORKING_GROUP_MEMBER, false);
        account(corina, "Corina Consilier", cluj, Role.INTEGRITY_COUNSELLOR, true);
        account(horia, "Horia Șeful", cluj, Role.WORKING_GROUP_HEAD, false);
        account(mihai, "Mihai Inactiv", cluj, Role.WORKING_GROUP_MEMBER, false);
        account(lucia, "Lucia Plecată", cluj, Role.WORKING_GROUP_MEMBER, false);
        account(ion, "Ion Ieșeanu", iasi, Role.WORKING_GROUP_MEMBER, false);
        account(dana, "Dana Suspendată", iasi, Role.WORKING_GROUP_MEMBER, false);
        account(victor, "Victor Brașoveanu", brasov, Role.WORKING_GROUP_MEMBER, false);
        account(alina, "Alina Consilier", alba, Role.INTEGRITY_COUNSELLOR, true);

        List<MemberEdition> clujMembers = new ArrayList<>(List.of(
                member(ana, "Ana Mureșan", Role.WORKING_GROUP_MEMBER, true, false, ordine, rutiera),
                member(bogdan, "Bogdan Pop", Role.WORKING_GROUP_MEMBER, true, false, rutiera),
                member(corina, "Corina Consilier", Role.INTEGRITY_COUNSELLOR, true, true),
                member(horia, "Horia Șeful", Role.WORKING_GROUP_HEAD, true, false, logistica),
                member(mihai, "Mihai Inactiv", Role.WORKING_GROUP_MEMBER, false, false, ordine)));
        List<MemberEdition> withLucia = new ArrayList<>(clujMembers);
        withLucia.add(member(lucia, "Lucia Plecată", Role.WORKING_GROUP_MEMBER, true, false, ordine));
        deliver(event(clujPlan, new PlanActivated(clujPlan, cluj, LocalDate.of(2026, 11, 2), "Plan Cluj",
                planMembers(withLucia), deadlines(), edition(1, cluj, "IPJ Cluj", County.CJ, withLucia)), horia.toString()));
        deliver(event(clujPlan, new PlanRevised(clujPlan, cluj, LocalDate.of(2026, 11, 2), "Plan Cluj",
                planMembers(clujMembers), deadlines(), edition(2, cluj, "IPJ Cluj", County.CJ, clujMembers)), horia.toString()));

        List<MemberEdition> iasiMembers = List.of(
                member(ion, "Ion Ieșeanu", Role.WORKING_GROUP_MEMBER, true, false, ordine),
                member(dana, "Dana Suspendată", Role.WORKING_GROUP_MEMBER, true, false, ordine));
        deliver(event(iasiPlan, new PlanActivated(iasiPlan, iasi, LocalDate.of(2026, 11, 2), "Plan Iași",
                planMembers(iasiMembers), deadlines(), edition(1, iasi, "IPJ Iași", County.IS, iasiMembers))));
        deliver(event(dana, new UserDeactivated(dana, "suspendare")));

        List<MemberEdition> brasovMembers = List.of(member(victor, "Victor Brașoveanu", Role.WORKING_GROUP_MEMBER, true,
                false, ordine));
        deliver(event(brasovPlan, new PlanActivated(brasovPlan, brasov, LocalDate.of(2026, 11, 2), "Plan Brașov",
                planMembers(brasovMembers), deadlines(), edition(1, brasov, "IPJ Brașov", County.BV, brasovMembers))));
        deliver(event(brasovPlan, new PlanClosed(brasovPlan, brasov)));

        List<MemberEdition> albaMembers = List.of(member(alina, "Alina Consilier", Role.INTEGRITY_COUNSELLOR, true, true));
        deliver(event(albaPlan, new PlanActivated(albaPlan, alba, LocalDate.of(2026, 11, 2), "Plan Alba",
                planMembers(albaMembers), deadlines(), edition(1, alba, "IPJ Alba", County.AB, albaMembers))));

        deliver(event(incident, new IntegrityIncidentRecorded(incident, new IncidentDetails("Mită la constatarea contravențiilor",
                County.CJ, cluj, "IPJ Cluj", IncidentType.INDICTMENT, LocalDate.of(2026, 3, 10), "12345",
                LocalDate.of(2026, 3, 20), "Conținut scurt."))));
        told.clear();
    }

    @AfterEach
    void tearDown() {
        truncate();
    }

    @Test
    void theMembersWhoseWorkUnitsHoldTheActivityAreToldInEveryStructure() {
        DomainEventMessage<?> linked = deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID())),
                "admin-" + cluj));

        assertThat(recipients()).containsExactlyInAnyOrder(ana, corina, ion);
        assertThat(told).extracting(NotificationView::recipientUserId).containsExactlyInAnyOrder(ana, corina, ion);
        NotificationView toAna = incidentNotices(ana).getFirst();
        assertThat(toAna.kind()).isEqualTo(NotificationKind.INCIDENT_LINKED);
        assertThat(toAna.severity()).isEqualTo(NotificationSeverity.INFO);
        assertThat(toAna.title()).isEqualTo("Incident de integritate pe activitatea „Constatarea contravențiilor”");
        assertThat(toAna.message()).isEqualTo("Incidentul de integritate „Mită la constatarea contravențiilor” din "
                + "10.03.2026 (IPJ Cluj, județul Cluj) a fost legat de riscul „Mită” al activității vulnerabile "
                + "„Constatarea contravențiilor” (unitatea de lucru Ordine publică), pe care o desfășoară unitățile de "
                + "lucru pentru care răspundeți. Riscul s-a materializat: țineți seama de acest incident la evaluarea "
                + "riscurilor de corupție (Anexa 4).");
        assertThat(toAna.subjectId()).isEqualTo(incident);
        assertThat(toAna.subjectKind()).isEqualTo("INCIDENT");
        assertThat(toAna.workUnitNames()).containsExactly("Ordine publică");
        assertThat(toAna.activityName()).isEqualTo("Constatarea contravențiilor");
        assertThat(toAna.actorUserId()).isEqualTo("admin-" + cluj);
        assertThat(toAna.createdAt()).isEqualTo(linked.getTimestamp());
        assertThat(incidentNotices(ion).getFirst().message()).isEqualTo(toAna.message());

        // a revision of the link tells nobody
        deliver(event(incident, new IncidentRiskLinkRevised(incident, link(UUID.randomUUID()))));
        assertThat(recipients()).hasSize(3);
    }

    @Test
    void aCorrectedActivityReachesTheMembersOfItsNewWorkUnits() {
        deliver(event(control, new ApprovedItemCorrected(control, ItemKind.ACTIVITY, "Constatarea contravențiilor",
                null, List.of(ordine, rutiera), null, "Constatarea contravențiilor", "system")));
        told.clear();
        deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID()))));
        assertThat(recipients()).containsExactlyInAnyOrder(ana, bogdan, corina, ion);
        assertThat(incidentNotices(ana)).hasSize(1); // told once, though two of her work units hold the activity
    }

    @Test
    void aRedeliveredLinkAddsNothingAndTellsNobodyAgain() {
        DomainEventMessage<?> linked = deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID()))));
        List<String> rows = dump();
        int toldBefore = told.size();
        assertThat(toldBefore).isEqualTo(3);

        deliver(linked);
        deliver(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(history.size()), linked));

        assertThat(dump()).isEqualTo(rows);
        assertThat(told).hasSize(toldBefore);
    }

    @Test
    void twoLinksOfTheSameIncidentAreTwoNotices() {
        deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID()))));
        deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID()))));
        assertThat(incidentNotices(ana)).hasSize(2);
    }

    /** A rebuild of the group (reset, replay) refills the directory and sends nothing again. */
    @Test
    void aReplayRefillsTheDirectoryAndSendsNothingAgain() {
        deliver(event(incident, new IncidentRiskLinked(incident, link(UUID.randomUUID()))));
        List<DomainEventMessage<?>> all = List.copyOf(history);
        List<String> directory = directoryRows();
        assertThat(directory).anyMatch(r -> r.startsWith("member ") && r.contains(ordine.toString()))
                .anyMatch(r -> r.startsWith("held " + alba + " " + ordine + " false"))
                .anyMatch(r -> r.startsWith("incident " + incident + " Mită"));
        int toldBefore = told.size();

        group.forEach(AnnotationEventHandlerAdapter::prepareReset);
        assertThat(directoryRows()).isEmpty();
        jdbc.sql("DELETE FROM notification").update(); // were the handlers run again, they would write these rows again
        GlobalSequenceTrackingToken resetAt = new GlobalSequenceTrackingToken(all.size());
        for (int i = 0; i < all.size(); i++) {
            deliver(new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(resetAt, new GlobalSequenceTrackingToken(i)), all.get(i)));
        }

        assertThat(jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single()).as("nothing sent again").isZero();
        assertThat(told).hasSize(toldBefore);
        assertThat(directoryRows()).isEqualTo(directory);
    }

    // ------------------------------------------------------------------ plumbing

    private RiskLink link(UUID linkId) {
        return new RiskLink(linkId, cluj, "IPJ Cluj", ordine, "Ordine publică", UUID.randomUUID(), "Ordine și siguranță",
                control, "Constatarea contravențiilor", mita, "Mită", List.of());
    }

    private static MemberEdition member(UUID id, String name, Role role, boolean active, boolean followsMemberWorkflow,
                                        UUID... workUnits) {
        return new MemberEdition(id, name, role, active,
                Arrays.stream(workUnits).map(w -> new WorkUnitRef(w, w.toString())).toList(), false,
                followsMemberWorkflow);
    }

    private PlanEdition edition(int number, UUID orgUnit, String orgUnitName, County county, List<MemberEdition> members) {
        return new PlanEdition(number, orgUnit, orgUnitName, county, LocalDate.of(2026, 11, 2), "Plan " + orgUnitName,
                List.of(new StageSchedule(Stage.IDENTIFICATION, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 29)),
                        new StageSchedule(Stage.EVALUATION, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 3, 31)),
                        new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31))),
                members, horia, "Horia Șeful");
    }

    private static List<PlanMember> planMembers(List<MemberEdition> members) {
        return members.stream().map(m -> new PlanMember(m.userId(),
                m.workUnits().stream().map(WorkUnitRef::workUnitId).toList(), m.questionnaireRequired(),
                m.followsMemberWorkflow())).toList();
    }

    private static StageDeadlines deadlines() {
        return new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
    }

    private void account(UUID id, String name, UUID orgUnit, Role role, boolean followsMemberWorkflow) {
        deliver(event(id, new UserRegistered(id, "iss", "sub-" + id, name, id + "@marc.invalid", orgUnit)));
        deliver(event(id, new RoleGranted(id, role, List.of(), followsMemberWorkflow)));
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
        if (!(event instanceof GenericTrackedDomainEventMessage<?>) && !history.contains(event)) {
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

    private List<UUID> recipients() {
        return jdbc.sql("SELECT recipient_user_id FROM notification WHERE kind = 'INCIDENT_LINKED' ORDER BY recipient_user_id")
                .query(UUID.class).list();
    }

    private List<NotificationView> incidentNotices(UUID recipient) {
        return queries.inbox(recipient, false, 100, null).items().stream()
                .filter(n -> n.kind() == NotificationKind.INCIDENT_LINKED).toList();
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

    private List<String> directoryRows() {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                        SELECT plan_id, edition, user_id, active, follows_member_workflow, work_unit_ids
                          FROM notification_plan_member ORDER BY plan_id, edition, user_id""")
                .query((rs, n) -> "member " + rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " "
                        + rs.getBoolean(4) + " " + rs.getBoolean(5) + " " + rs.getString(6)).list());
        rows.addAll(jdbc.sql("""
                        SELECT org_unit_id, work_unit_id, assigned, last_event_seq FROM notification_org_unit_work_unit
                         ORDER BY org_unit_id, work_unit_id""")
                .query((rs, n) -> "held " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " "
                        + rs.getLong(4)).list());
        rows.addAll(jdbc.sql("SELECT id, title, county, incident_date, last_event_seq FROM notification_incident ORDER BY id")
                .query((rs, n) -> "incident " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getLong(5)).list());
        return rows;
    }

    private void truncate() {
        jdbc.sql("""
                TRUNCATE notification, notification_account, notification_org_unit, notification_work_unit,
                         notification_item, notification_plan, notification_plan_member,
                         notification_org_unit_work_unit, notification_incident""").update();
    }
}
