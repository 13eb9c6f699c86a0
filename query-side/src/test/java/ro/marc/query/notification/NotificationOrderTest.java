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
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.ActivityProposed;
import ro.marc.events.nomenclature.event.ProposalAccepted;
import ro.marc.events.nomenclature.event.TaskProposed;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.query.support.NomenclatureCommands;
import ro.marc.query.support.TestServices;

import java.time.Instant;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: {@link NotificationProjection} builds from its own events ({@link NotificationDirectory}), never
 * from the tables of the access, organisation and nomenclature processors. Each cross-capability pair is
 * delivered in both orders: names and details come out the same; who receives a proposal is decided by the
 * order (a fact about <em>when</em>, which the group's single segment makes the event store's order).
 */
class NotificationOrderTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private final JdbcClient jdbc = TestServices.jdbc();
    private final List<NotificationView> told = new CopyOnWriteArrayList<>();
    private final NotificationDirectory directory = new NotificationDirectory(jdbc);
    private final NotificationProjection projection = new NotificationProjection(jdbc, List.of(told::add));
    private final List<AnnotationEventHandlerAdapter> group = List.of(
            new AnnotationEventHandlerAdapter(directory), new AnnotationEventHandlerAdapter(projection));

    private final UUID admin = UUID.randomUUID();
    private final UUID laterAdmin = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID permits = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();

    private NomenclatureCommands commands;

    @BeforeEach
    void setUp() {
        truncate();
    }

    @AfterEach
    void tearDown() {
        if (commands != null) {
            commands.close();
        }
        truncate();
    }

    private void truncate() {
        jdbc.sql("""
                TRUNCATE notification, notification_account, notification_org_unit, notification_work_unit,
                         notification_item""").update();
    }

    /** The accounts and the org unit, as the store holds them before anything is proposed. */
    private List<DomainEventMessage<?>> directoryBefore() {
        return List.of(
                event(cluj, 0, new OrgUnitCreated(cluj, UUID.randomUUID(), "IPJ Cluj", 2, ro.marc.events.org.County.CJ)),
                event(admin, 0, new UserRegistered(admin, "iss", "admin", "Adrian Central", "a@marc.invalid", cluj)),
                event(admin, 1, new RoleGranted(admin, Role.CENTRAL_ADMIN, List.of(), false)),
                event(laterAdmin, 0, new UserRegistered(laterAdmin, "iss", "later", "Lia Târziu", "l@marc.invalid", cluj)),
                event(ana, 0, new UserRegistered(ana, "iss", "ana", "Ana Mureșan", "ana@marc.invalid", cluj)),
                event(ana, 1, new RoleGranted(ana, Role.WORKING_GROUP_MEMBER, List.of(), false)));
    }

    @Test
    void aWorkUnitDefinedAndRenamedBeforeOrAfterTheActivityGivesTheSameNotifications() {
        DomainEventMessage<?> defined = event(permits, 0, new WorkUnitDefined(permits, "Permise auto"));
        DomainEventMessage<?> renamed = event(permits, 1, new WorkUnitRenamed(permits, "Permise și certificate", "Permise auto"));
        DomainEventMessage<?> proposed = event(activity, 0, new ActivityProposed(activity, "Emiterea permiselor", null,
                UUID.randomUUID(), List.of(permits), List.of(), ana.toString(), cluj));
        DomainEventMessage<?> taskProposed = event(task, 0, new TaskProposed(task, activity, "Verificarea dosarului",
                ana.toString(), cluj));

        List<String> organisationFirst = project(directoryBefore(), defined, renamed, proposed, taskProposed);
        List<String> nomenclatureFirst = project(directoryBefore(), proposed, taskProposed, defined, renamed);
        List<String> interleaved = project(directoryBefore(), defined, proposed, renamed, taskProposed);

        assertThat(organisationFirst).hasSize(2).allMatch(row -> row.contains("[Permise și certificate]"));
        assertThat(organisationFirst).anyMatch(row -> row.contains("Ana Mureșan (IPJ Cluj) a propus activitatea "
                + "vulnerabilă „Emiterea permiselor”"));
        assertThat(nomenclatureFirst).isEqualTo(organisationFirst);
        assertThat(interleaved).isEqualTo(organisationFirst);
    }

    /**
     * Expectation implemented: a proposal goes to the central administrators active <em>when it is made</em>
     * (in the event store's order). An administrator appointed after it does not receive it, whichever
     * processor ran first; the group's single segment makes this order the same on every node and restart.
     */
    @Test
    void aCentralAdministratorsRoleCountsFromItsPlaceInTheStore() {
        DomainEventMessage<?> appointed = event(laterAdmin, 1, new RoleGranted(laterAdmin, Role.CENTRAL_ADMIN, List.of(), false));
        DomainEventMessage<?> proposed = event(activity, 0, new ActivityProposed(activity, "Emiterea permiselor", null,
                UUID.randomUUID(), List.of(), List.of(), ana.toString(), cluj));

        List<String> appointedFirst = project(directoryBefore(), appointed, proposed);
        assertThat(recipients()).containsExactlyInAnyOrder(admin, laterAdmin);

        List<String> proposedFirst = project(directoryBefore(), proposed, appointed);
        assertThat(recipients()).containsExactly(admin);
        assertThat(proposedFirst).isEqualTo(appointedFirst.stream().filter(row -> row.startsWith(admin.toString())).toList());

        // and a proposer who is a central administrator when proposing is not announced (their addition is approved)
        DomainEventMessage<?> anaAppointed = event(ana, 2, new RoleGranted(ana, Role.CENTRAL_ADMIN, List.of(), false));
        project(directoryBefore(), anaAppointed, proposed);
        assertThat(recipients()).isEmpty();
    }

    /**
     * The defect issue 10 names: after acceptProposalWithChanges the proposer was told the proposal's OLD
     * wording (read from the nomenclature read model, which another processor may not have updated yet) and
     * never that it was changed. The command writes ProposalRevised (byAdministrator) then ProposalAccepted,
     * both in the entry's own stream: the directory has the new wording before the acceptance is handled.
     * The nomenclature read model is not even running here.
     */
    @Test
    void anAcceptanceWithChangesQuotesTheAcceptedWordingAndSaysItWasChanged() {
        acceptWithChangesThenCorrect(true);
    }

    /** The directory and the projection both handle some events: which of the two runs first must not matter. */
    @Test
    void theOrderOfTheGroupsTwoComponentsDoesNotMatter() {
        acceptWithChangesThenCorrect(false);
    }

    private void acceptWithChangesThenCorrect(boolean directoryFirst) {
        directoryBefore().forEach(this::deliver);
        commands = directoryFirst ? new NomenclatureCommands(directory, projection)
                : new NomenclatureCommands(projection, directory);
        UUID domain = UUID.randomUUID();
        commands.actingAs(admin).defineDomain(domain, null, "Ordine publică");
        commands.proposeActivity(activity, "Emiterea permiselor", null, domain, List.of(permits), List.of(), ana, cluj);
        commands.actingAs(admin).revise(activity, "Emiterea permiselor auto", null, null, null, true);
        commands.accept(activity);

        List<String> types = commands.messages().stream().map(m -> m.getPayloadType().getSimpleName()).toList();
        assertThat(types).containsSubsequence("ActivityProposed", "ProposalRevised", "ProposalAccepted");
        NotificationView accepted = inbox(ana).getFirst();
        assertThat(accepted.kind()).isEqualTo(NotificationKind.PROPOSAL_ACCEPTED);
        assertThat(accepted.title()).isEqualTo("Propunerea a fost acceptată cu modificări");
        assertThat(accepted.message()).isEqualTo("Propunerea dumneavoastră privind activitatea vulnerabilă „Emiterea "
                + "permiselor auto” a fost acceptată cu modificări (propunerea inițială: „Emiterea permiselor”) și face "
                + "parte din nomenclatorul național.");
        assertThat(accepted.activityName()).isEqualTo("Emiterea permiselor auto");

        // a plain acceptance still says so
        UUID other = UUID.randomUUID();
        commands.proposeActivity(other, "Eliberarea avizelor", null, domain, List.of(permits), List.of(), ana, cluj);
        commands.actingAs(admin).accept(other);
        assertThat(inbox(ana).getFirst().message()).isEqualTo("Propunerea dumneavoastră privind activitatea vulnerabilă "
                + "„Eliberarea avizelor” a fost acceptată și face parte din nomenclatorul național.");

        // a correction of the approved entry quotes its corrected name and details
        commands.actingAs(admin).correct(activity, "Emiterea permiselor de conducere", null, null, null);
        NotificationView corrected = inbox(ana).getFirst();
        assertThat(corrected.kind()).isEqualTo(NotificationKind.ENTRY_CORRECTED);
        assertThat(corrected.message()).isEqualTo("Propunerea dumneavoastră privind activitatea vulnerabilă „Emiterea "
                + "permiselor de conducere” a fost corectată de un administrator central (denumirea anterioară: "
                + "„Emiterea permiselor auto”).");
        assertThat(corrected.activityName()).isEqualTo("Emiterea permiselor de conducere");
    }

    /** A rebuild of the group (reset, replay) refills the directory and sends no notification again. */
    @Test
    void aReplayRebuildsTheDirectoryAndSendsNothingAgain() {
        DomainEventMessage<?> proposed = event(activity, 0, new ActivityProposed(activity, "Emiterea permiselor", null,
                UUID.randomUUID(), List.of(permits), List.of(), ana.toString(), cluj));
        DomainEventMessage<?> accepted = event(activity, 1, new ProposalAccepted(activity, ItemKind.ACTIVITY, 1, ana.toString()));
        List<DomainEventMessage<?>> history = new ArrayList<>(directoryBefore());
        history.add(event(permits, 0, new WorkUnitDefined(permits, "Permise auto")));
        history.add(proposed);
        history.add(accepted);
        List<String> before = project(history);
        int toldBefore = told.size();
        List<String> directoryBefore = directoryRows();

        assertThat(before).isNotEmpty();
        group.forEach(AnnotationEventHandlerAdapter::prepareReset);
        assertThat(directoryRows()).isEmpty();
        // were the notifications handlers run again, they would write these rows again (their ids are the same)
        jdbc.sql("DELETE FROM notification").update();
        GlobalSequenceTrackingToken resetAt = new GlobalSequenceTrackingToken(history.size());
        for (int i = 0; i < history.size(); i++) {
            deliver(new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(resetAt, new GlobalSequenceTrackingToken(i)), history.get(i)));
        }

        assertThat(notificationRows()).as("nothing sent again").isEmpty();
        assertThat(told).hasSize(toldBefore);
        assertThat(directoryRows()).isEqualTo(directoryBefore);
    }

    // ------------------------------------------------------------------ delivery

    /** The group fed {@code first} then {@code then}, in this order, from empty tables: the notifications written. */
    private List<String> project(List<DomainEventMessage<?>> first, DomainEventMessage<?>... then) {
        truncate();
        first.forEach(this::deliver);
        Arrays.stream(then).forEach(this::deliver);
        return notificationRows();
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

    private List<String> notificationRows() {
        return jdbc.sql("""
                        SELECT id, recipient_user_id, kind, title, message, subject_id, work_unit_names, activity_name,
                               task_name, created_at FROM notification ORDER BY recipient_user_id, created_at, id""")
                .query((rs, n) -> rs.getString("recipient_user_id") + " " + rs.getString("id") + " " + rs.getString("kind")
                        + " " + rs.getString("title") + " | " + rs.getString("message") + " | " + rs.getString("subject_id")
                        + " " + Arrays.toString((Object[]) rs.getArray("work_unit_names").getArray())
                        + " activity=" + rs.getString("activity_name") + " task=" + rs.getString("task_name")
                        + " at " + rs.getTimestamp("created_at").toInstant())
                .list();
    }

    private List<String> directoryRows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT id, display_name, active, central_admin, last_event_seq FROM notification_account ORDER BY id")
                .query((rs, n) -> "account " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " "
                        + rs.getBoolean(4) + " " + rs.getLong(5)).list());
        rows.addAll(jdbc.sql("SELECT id, name, last_event_seq FROM notification_org_unit ORDER BY id")
                .query((rs, n) -> "org unit " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list());
        rows.addAll(jdbc.sql("SELECT id, name, last_event_seq FROM notification_work_unit ORDER BY id")
                .query((rs, n) -> "work unit " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list());
        rows.addAll(jdbc.sql("SELECT id, kind, name, activity_id, last_event_seq FROM notification_item ORDER BY id")
                .query((rs, n) -> "item " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getLong(5)).list());
        return rows;
    }

    private List<UUID> recipients() {
        return jdbc.sql("SELECT DISTINCT recipient_user_id FROM notification").query(UUID.class).list();
    }

    private List<NotificationView> inbox(UUID recipient) {
        return new NotificationQueries(jdbc).inbox(recipient, false, 50, null).items();
    }

    /** An event of entity {@code id}, its {@code seq}-th; identifier and timestamp fixed by the entity and seq. */
    private DomainEventMessage<?> event(UUID id, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Test", id.toString(), seq, payload, MetaData.with("userId", "system"),
                UUID.nameUUIDFromBytes((id + "/" + seq).getBytes()).toString(),
                T0.plusSeconds(60L * (id.hashCode() & 0xff) + seq));
    }
}
