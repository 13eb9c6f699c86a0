package ro.marc.query.notification;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.org.County;
import ro.marc.query.access.AccessReadModelProjection;
import ro.marc.query.common.Page;
import ro.marc.query.nomenclature.NomenclatureReadModelProjection;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.AccessCommandSide;
import ro.marc.query.support.NomenclatureCommands;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.query.support.NomenclatureCommands.timestampOf;

/**
 * {@link NotificationProjection} against a real PostgreSQL, next to the nomenclature projection
 * (which it reads the N02 details from), with the accounts of the access projection and the org
 * units and work units of the org projection; read back through {@link NotificationQueries}.
 */
class NotificationProjectionTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";

    private final JdbcClient jdbc = TestServices.jdbc();
    private final NotificationQueries queries = new NotificationQueries(jdbc);
    private final List<NotificationView> told = new CopyOnWriteArrayList<>();
    private final NotificationProjection projection = new NotificationProjection(jdbc, List.of(told::add,
            notification -> {
                throw new IllegalStateException("a broken listener does not stop the others");
            }));
    private final NotificationDirectory directory = new NotificationDirectory(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc)).alsoTo(directory);
    private final AccessCommandSide access = new AccessCommandSide(new AccessReadModelProjection(jdbc), directory);
    private final NomenclatureCommands stream = new NomenclatureCommands(new NomenclatureReadModelProjection(jdbc),
            directory, projection);

    private final UUID root = UUID.randomUUID();
    private final UUID ministry = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID dga = UUID.randomUUID();
    private final UUID permits = UUID.randomUUID();
    private final UUID procurement = UUID.randomUUID();

    private final UUID admin1 = UUID.randomUUID();
    private final UUID admin2 = UUID.randomUUID();
    private final UUID retiredAdmin = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID bogdan = UUID.randomUUID();

    private final UUID domain = UUID.randomUUID();

    @org.junit.jupiter.api.AfterEach
    void closeTheCommandSide() {
        stream.close();
    }

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("""
                TRUNCATE app_user, app_user_role, app_user_transfer, working_group, working_group_member,
                         working_group_member_work_unit""").update();
        jdbc.sql("""
                TRUNCATE nomenclature_domain, nomenclature_item, nomenclature_item_work_unit, nomenclature_attachment,
                         reference_entry, regulatory_cause, notification, notification_account, notification_org_unit,
                         notification_work_unit, notification_item""").update();
        org.initialise(root, "MARC");
        org.create(ministry, root, "Ministerul Afacerilor Interne", null);
        org.create(ipjCluj, ministry, "IPJ Cluj", County.CJ);
        org.create(dga, ministry, "Direcția Generală Anticorupție", null);
        org.defineWorkUnit(permits, "Permise auto");
        org.defineWorkUnit(procurement, "Achiziții publice");
        register(admin1, "Adrian Central", dga);
        register(admin2, "Bianca Central", dga);
        register(retiredAdmin, "Costel Pensionar", dga);
        register(ana, "Ana Mureșan", ipjCluj);
        register(bogdan, "Bogdan Pop", ipjCluj);
        access.grant(admin1, Role.CENTRAL_ADMIN);
        access.grant(admin2, Role.CENTRAL_ADMIN);
        access.grant(retiredAdmin, Role.CENTRAL_ADMIN);
        access.deactivate(retiredAdmin, "pensionare");
        access.grant(ana, Role.WORKING_GROUP_MEMBER);
        access.grant(bogdan, Role.TERRITORIAL_ADMIN, County.CJ);
        stream.actingAs(admin1).defineDomain(domain, null, "Ordine publică");
    }

    // ------------------------------------------------------------------ proposals

    @Test
    void aMembersProposalNotifiesEveryActiveCentralAdministrator() {
        UUID activity = UUID.randomUUID();
        DomainEventMessage<?> proposed = stream.proposeActivity(activity, "Emiterea permiselor", null, domain,
                List.of(permits, procurement), List.of(), ana, ipjCluj);

        List<NotificationView> toAdmin1 = inbox(admin1);
        assertThat(toAdmin1).hasSize(1);
        NotificationView n = toAdmin1.getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.PROPOSAL_SUBMITTED);
        assertThat(n.recipientUserId()).isEqualTo(admin1);
        assertThat(n.title()).isEqualTo("Propunere nouă: activitate vulnerabilă");
        assertThat(n.message()).isEqualTo("Ana Mureșan (IPJ Cluj) a propus activitatea vulnerabilă „Emiterea "
                + "permiselor”. Propunerea așteaptă decizia unui administrator central.");
        assertThat(n.subjectId()).isEqualTo(activity);
        assertThat(n.subjectKind()).isEqualTo("ACTIVITY");
        assertThat(n.workUnitNames()).containsExactly("Achiziții publice", "Permise auto");
        assertThat(n.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(n.taskName()).isNull();
        assertThat(n.actorUserId()).isEqualTo(ana.toString());
        assertThat(n.createdAt()).isEqualTo(timestampOf(proposed));
        assertThat(n.readAt()).isNull();
        assertThat(inbox(admin2)).hasSize(1);
        assertThat(inbox(retiredAdmin)).isEmpty();
        assertThat(inbox(ana)).isEmpty();
        assertThat(inbox(bogdan)).isEmpty();
        assertThat(told).extracting(NotificationView::recipientUserId).containsExactlyInAnyOrder(admin1, admin2);
        assertThat(told).contains(n);

        // a task, a document and a risk carry the activity's (and task's) details
        UUID task = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID risk = UUID.randomUUID();
        stream.proposeTask(task, activity, "Verificarea dosarului", bogdan, ipjCluj);
        stream.proposeDocument(document, task, "Registru", Periodicity.DAILY, ana, ipjCluj);
        stream.proposeRisk(risk, activity, "Mită", null, ana, ipjCluj);
        List<NotificationView> latest = inbox(admin2);
        assertThat(latest).extracting(NotificationView::subjectId).containsExactly(risk, document, task, activity);
        assertThat(latest).extracting(NotificationView::title).containsExactly("Propunere nouă: risc de corupție",
                "Propunere nouă: document", "Propunere nouă: sarcină", "Propunere nouă: activitate vulnerabilă");
        NotificationView aboutTask = latest.get(2);
        assertThat(aboutTask.message()).startsWith("Bogdan Pop (IPJ Cluj) a propus sarcina „Verificarea dosarului”.");
        assertThat(aboutTask.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(aboutTask.taskName()).isEqualTo("Verificarea dosarului");
        assertThat(aboutTask.workUnitNames()).containsExactly("Achiziții publice", "Permise auto");
        NotificationView aboutDocument = latest.get(1);
        assertThat(aboutDocument.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(aboutDocument.taskName()).isEqualTo("Verificarea dosarului");
        assertThat(aboutDocument.workUnitNames()).containsExactly("Achiziții publice", "Permise auto");
        NotificationView aboutRisk = latest.getFirst();
        assertThat(aboutRisk.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(aboutRisk.taskName()).isNull();
        assertThat(queries.unreadCount(admin1)).isEqualTo(4);
    }

    @Test
    void aCentralAdministratorsOwnAdditionNotifiesNobody() {
        UUID activity = UUID.randomUUID();
        stream.proposeActivity(activity, "Activitate națională", null, domain, List.of(permits), List.of(), admin1,
                dga);
        stream.actingAs(admin1).accept(activity);
        // also when MARC itself sends the acceptance (demo data, imports): still the administrator's own addition
        UUID seeded = UUID.randomUUID();
        stream.proposeActivity(seeded, "Activitate națională importată", null, domain, List.of(permits), List.of(), admin1, dga);
        stream.actingAs("system").accept(seeded);

        assertThat(count()).isZero();
        assertThat(told).isEmpty();
    }

    @Test
    void theProposerIsToldOfTheDecisionWithTheReason() {
        UUID activity = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        stream.proposeActivity(activity, "Emiterea permiselor", null, domain, List.of(permits), List.of(), ana,
                ipjCluj);
        stream.proposeTask(task, activity, "Verificarea dosarului", ana, ipjCluj);
        DomainEventMessage<?> accepted = stream.actingAs(admin1).accept(activity);
        stream.actingAs(admin2).reject(task, "Există deja în nomenclator");

        List<NotificationView> toAna = inbox(ana);
        assertThat(toAna).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.PROPOSAL_REJECTED, NotificationKind.PROPOSAL_ACCEPTED);
        NotificationView rejected = toAna.getFirst();
        assertThat(rejected.title()).isEqualTo("Propunerea a fost respinsă: Există deja în nomenclator");
        assertThat(rejected.message()).isEqualTo("Propunerea dumneavoastră privind sarcina „Verificarea dosarului” "
                + "a fost respinsă. Motiv: Există deja în nomenclator");
        assertThat(rejected.subjectId()).isEqualTo(task);
        assertThat(rejected.subjectKind()).isEqualTo("TASK");
        assertThat(rejected.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(rejected.taskName()).isEqualTo("Verificarea dosarului");
        assertThat(rejected.workUnitNames()).containsExactly("Permise auto");
        assertThat(rejected.actorUserId()).isEqualTo(admin2.toString());
        NotificationView acceptedView = toAna.get(1);
        assertThat(acceptedView.title()).isEqualTo("Propunerea a fost acceptată");
        assertThat(acceptedView.message()).isEqualTo("Propunerea dumneavoastră privind activitatea vulnerabilă "
                + "„Emiterea permiselor” a fost acceptată și face parte din nomenclatorul național.");
        assertThat(acceptedView.activityName()).isEqualTo("Emiterea permiselor");
        assertThat(acceptedView.actorUserId()).isEqualTo(admin1.toString());
        assertThat(acceptedView.createdAt()).isEqualTo(timestampOf(accepted));
        // the administrators were told only of the two proposals
        assertThat(inbox(admin1)).extracting(NotificationView::kind)
                .containsOnly(NotificationKind.PROPOSAL_SUBMITTED).hasSize(2);
    }

    @Test
    void whenTheNomenclatureReadModelLagsTheDetailsComeFromTheEvent() {
        NomenclatureCommands alone = new NomenclatureCommands(projection); // no nomenclature projection
        alone.defineDomain(domain, null, "Ordine publică");
        UUID activity = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        alone.proposeActivity(activity, "Emiterea permiselor", null, domain, List.of(permits), List.of(), ana,
                ipjCluj);
        alone.proposeTask(task, activity, "Verificarea dosarului", ana, ipjCluj);
        alone.actingAs(admin1).accept(task);

        List<NotificationView> toAdmin = inbox(admin2);
        assertThat(toAdmin.get(1).activityName()).isEqualTo("Emiterea permiselor");
        assertThat(toAdmin.get(1).workUnitNames()).containsExactly("Permise auto");
        assertThat(toAdmin.getFirst().taskName()).isEqualTo("Verificarea dosarului");
        assertThat(toAdmin.getFirst().activityName()).isNull();
        NotificationView accepted = inbox(ana).getFirst();
        assertThat(accepted.message()).isEqualTo("Propunerea dumneavoastră privind sarcina a fost acceptată și face "
                + "parte din nomenclatorul național.");
        assertThat(accepted.workUnitNames()).isEmpty();
    }

    // ------------------------------------------------------------------ regulatory causes

    @Test
    void regulatoryCausesAddedOrEditedNotifyTheCentralAdministrators() {
        UUID activity = UUID.randomUUID();
        stream.proposeActivity(activity, "Achiziții", null, domain, List.of(procurement), List.of(), admin1, dga);
        stream.actingAs(admin1).accept(activity);
        UUID cause = UUID.randomUUID();
        referenceEntries();
        RegulatoryCauseDetails details = new RegulatoryCauseDetails(procurement, activity, issuer,
                actType, "98", 2016, actStatus, "Legea achizițiilor publice", "12", null,
                "Extras", "Factori", "Amenințări", "Recomandări", null);
        DomainEventMessage<?> added = stream.addCause(cause, details, ana, ipjCluj);

        for (UUID admin : List.of(admin1, admin2)) {
            List<NotificationView> inbox = inbox(admin);
            assertThat(inbox).hasSize(1);
            NotificationView n = inbox.getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.CAUSE_ADDED);
            assertThat(n.title()).isEqualTo("Cauză din domeniul reglementărilor adăugată");
            assertThat(n.message()).isEqualTo("Ana Mureșan (IPJ Cluj) a adăugat o cauză din domeniul "
                    + "reglementărilor: „Legea achizițiilor publice” nr. 98/2016, art. 12.");
            assertThat(n.subjectId()).isEqualTo(cause);
            assertThat(n.subjectKind()).isEqualTo("CAUSE");
            assertThat(n.workUnitNames()).containsExactly("Achiziții publice");
            assertThat(n.activityName()).isEqualTo("Achiziții");
            assertThat(n.actorUserId()).isEqualTo(ana.toString());
            assertThat(n.createdAt()).isEqualTo(timestampOf(added));
        }
        assertThat(inbox(retiredAdmin)).isEmpty();
        assertThat(inbox(ana)).isEmpty();

        // an administrator's edit: the other administrators are told, not the one who edited
        stream.actingAs(admin1).editCause(cause, new RegulatoryCauseDetails(procurement, activity, issuer,
                actType, "98", 2016, actStatus, "Legea nr. 98/2016", "13", null, "Extras",
                "Factori", "Amenințări", "Recomandări", "Text"));
        assertThat(inbox(admin1)).hasSize(1);
        NotificationView edited = inbox(admin2).getFirst();
        assertThat(edited.kind()).isEqualTo(NotificationKind.CAUSE_EDITED);
        assertThat(edited.title()).isEqualTo("Cauză din domeniul reglementărilor modificată");
        assertThat(edited.message()).isEqualTo("Adrian Central a modificat cauza din domeniul reglementărilor: "
                + "„Legea nr. 98/2016” nr. 98/2016, art. 13.");
        assertThat(edited.actorUserId()).isEqualTo(admin1.toString());
        // a member's edit reaches every active central administrator
        stream.actingAs(ana).editCause(cause, details);
        assertThat(inbox(admin1)).hasSize(2);
        assertThat(inbox(admin2)).hasSize(3);
    }

    // ------------------------------------------------------------------ idempotence

    @Test
    void aRedeliveredEventCreatesNoDuplicateAndIsNotToldAgain() {
        UUID activity = UUID.randomUUID();
        UUID cause = UUID.randomUUID();
        stream.proposeActivity(activity, "Emiterea permiselor", null, domain, List.of(permits), List.of(), ana,
                ipjCluj);
        stream.actingAs(admin1).reject(activity, "Nu");
        UUID national = UUID.randomUUID(); // an administrator's own addition: nobody is told
        stream.proposeActivity(national, "Activitate națională", null, domain, List.of(permits), List.of(), admin1, dga);
        stream.actingAs(admin1).accept(national);
        referenceEntries();
        stream.addCause(cause, new RegulatoryCauseDetails(permits, national, issuer, actType, "1", 2020, actStatus, "Lege",
                "1", null, "E", "F", "A", "R", null), bogdan, ipjCluj);
        List<String> before = dump();
        assertThat(before).hasSize(2 + 1 + 2);
        int toldBefore = told.size();

        stream.replayAll();
        stream.replayAll();

        assertThat(dump()).containsExactlyElementsOf(before);
        assertThat(told).hasSize(toldBefore);
    }

    // ------------------------------------------------------------------ reading

    @Test
    void theInboxIsPagedNewestFirstAndOnlyTheRecipientMarksItsNotificationsRead() {
        List<UUID> activities = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID activity = UUID.randomUUID();
            stream.proposeActivity(activity, "Activitatea " + i, null, domain, List.of(permits), List.of(), ana,
                    ipjCluj);
            activities.addFirst(activity);
        }

        List<UUID> seen = new ArrayList<>();
        Page<NotificationView> page = queries.inbox(admin1, false, 5, null);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.cursors()).hasSize(5);
        seen.addAll(subjects(page));
        page = queries.inbox(admin1, false, 5, page.endCursor());
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(subjects(page));
        page = queries.inbox(admin1, false, 5, page.endCursor());
        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNextPage()).isFalse();
        seen.addAll(subjects(page));
        assertThat(seen).containsExactlyElementsOf(activities);
        assertThat(queries.unreadCount(admin1)).isEqualTo(12);

        // marking read: only one's own, only unread ones count
        List<NotificationView> mine = queries.inbox(admin1, false, 3, null).items();
        NotificationView admin2s = queries.inbox(admin2, false, 1, null).items().getFirst();
        List<UUID> ids = new ArrayList<>(mine.stream().map(NotificationView::id).toList());
        ids.add(admin2s.id());
        assertThat(queries.markRead(admin1, ids)).isEqualTo(3);
        assertThat(queries.markRead(admin1, ids)).isZero();
        assertThat(queries.markRead(admin1, List.of())).isZero();
        assertThat(queries.unreadCount(admin1)).isEqualTo(9);
        assertThat(queries.unreadCount(admin2)).isEqualTo(12);
        assertThat(queries.inbox(admin2, true, 1, null).items().getFirst().readAt()).isNull();
        assertThat(queries.inbox(admin1, false, 1, null).items().getFirst().readAt()).isNotNull();

        Page<NotificationView> unread = queries.inbox(admin1, true, 20, null);
        assertThat(subjects(unread)).containsExactlyElementsOf(activities.subList(3, 12));
        assertThat(subjects(queries.inbox(admin1, true, 4, unread.cursors().get(2))))
                .containsExactlyElementsOf(activities.subList(6, 10));

        assertThat(queries.markAllRead(admin1)).isEqualTo(9);
        assertThat(queries.markAllRead(admin1)).isZero();
        assertThat(queries.unreadCount(admin1)).isZero();
        assertThat(queries.inbox(admin1, true, 20, null).items()).isEmpty();
        assertThat(queries.unreadCount(admin2)).isEqualTo(12);
        assertThat(queries.inbox(UUID.randomUUID(), false, 20, null).items()).isEmpty();
    }

    // ------------------------------------------------------------------ listeners

    @Test
    void theListenersAreToldAfterTheUnitOfWorkCommits() {
        // the proposal and its acceptance are made elsewhere (another command side, no projections), then delivered
        UUID activity = UUID.randomUUID();
        DomainEventMessage<?> proposed;
        DomainEventMessage<?> accepted;
        try (NomenclatureCommands elsewhere = new NomenclatureCommands()) {
            elsewhere.defineDomain(domain, null, "Ordine publică");
            proposed = elsewhere.proposeActivity(activity, "Emiterea permiselor", null, domain, List.of(permits),
                    List.of(), ana, ipjCluj);
            accepted = elsewhere.actingAs(admin1).accept(activity);
        }
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(proposed);
        try {
            stream.deliver(proposed);
            assertThat(count()).isEqualTo(2); // written inside the unit of work...
            assertThat(told).isEmpty();        // ...told only after it commits
        } catch (RuntimeException | AssertionError e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
        assertThat(told).extracting(NotificationView::recipientUserId).containsExactlyInAnyOrder(admin1, admin2);
        assertThat(told).extracting(NotificationView::subjectId).containsOnly(activity);

        // a rolled back unit of work tells nobody
        DefaultUnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(accepted);
        try {
            stream.deliver(accepted);
        } finally {
            failed.rollback(new IllegalStateException("the batch failed"));
        }
        assertThat(told).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    private void register(UUID id, String name, UUID orgUnit) {
        access.register(id, ISSUER, "sub-" + id, name, id + "@mai.gov.ro", orgUnit);
    }

    private List<NotificationView> inbox(UUID recipient) {
        return queries.inbox(recipient, false, 100, null).items();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
    }

    private List<String> dump() {
        return jdbc.sql("SELECT * FROM notification ORDER BY recipient_user_id, source_event_seq, kind")
                .query((rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                    }
                    return row.toString();
                }).list();
    }

    private static List<UUID> subjects(Page<NotificationView> page) {
        return page.items().stream().map(NotificationView::subjectId).toList();
    }

    private final UUID issuer = UUID.randomUUID();
    private final UUID actType = UUID.randomUUID();
    private final UUID actStatus = UUID.randomUUID();

    /** The act issuer, type and status a cause names (no notification: reference lists are not told). */
    private void referenceEntries() {
        stream.actingAs(admin1).defineEntry(issuer, ReferenceList.ACT_ISSUER, "Parlamentul României");
        stream.defineEntry(actType, ReferenceList.ACT_TYPE, "Lege");
        stream.defineEntry(actStatus, ReferenceList.ACT_STATUS, "În vigoare");
    }

}
