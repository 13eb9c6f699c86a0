package ro.marc.query.nomenclature;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.nomenclature.*;
import ro.marc.events.org.County;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.NomenclatureCommands;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.query.support.NomenclatureCommands.timestampOf;

/**
 * {@link NomenclatureReadModelProjection} against a real PostgreSQL, fed through Axon's annotation
 * adapter, read back through {@link NomenclatureQueries}. Org units and work units come from the org
 * projection.
 */
class NomenclatureReadModelProjectionTest {

    private final JdbcClient jdbc = TestServices.jdbc();
    private final NomenclatureQueries queries = new NomenclatureQueries(jdbc);
    private final NomenclatureReadModelProjection projection = new NomenclatureReadModelProjection(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc)).alsoTo(projection);
    private final NomenclatureCommands stream = new NomenclatureCommands(projection);

    private final UUID root = UUID.randomUUID();
    private final UUID ministry = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID ipjBihor = UUID.randomUUID();
    private final UUID dga = UUID.randomUUID();
    private final UUID permits = UUID.randomUUID();
    private final UUID procurement = UUID.randomUUID();
    private final UUID archive = UUID.randomUUID();

    private final UUID ana = UUID.randomUUID();    // member, IPJ Cluj
    private final UUID bogdan = UUID.randomUUID(); // member, IPJ Bihor
    private final UUID admin = UUID.randomUUID();  // central administrator, DGA

    private final UUID publicOrder = UUID.randomUUID();
    private final UUID traffic = UUID.randomUUID();
    private final UUID border = UUID.randomUUID();
    private final UUID inForce = UUID.randomUUID();

    @org.junit.jupiter.api.AfterEach
    void closeTheCommandSide() {
        stream.close();
    }

    @BeforeEach
    void buildTree() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("""
                TRUNCATE nomenclature_domain, nomenclature_item, nomenclature_item_work_unit, nomenclature_attachment,
                         reference_entry, regulatory_cause, nomenclature_org_unit_county""").update();
        org.initialise(root, "MARC");
        org.create(ministry, root, "Ministerul Afacerilor Interne", null);
        org.create(ipjCluj, ministry, "IPJ Cluj", County.CJ);
        org.create(ipjBihor, ministry, "IPJ Bihor", County.BH);
        org.create(dga, ministry, "Direcția Generală Anticorupție", null);
        org.defineWorkUnit(permits, "Permise auto");
        org.defineWorkUnit(procurement, "Achiziții publice");
        org.defineWorkUnit(archive, "Arhivă");
        org.assign(ipjCluj, permits);
        org.assign(ipjCluj, procurement);
        org.assign(ipjBihor, archive);
        stream.defineDomain(publicOrder, null, "Ordine publică");
        stream.defineDomain(traffic, publicOrder, "Circulație rutieră");
        stream.defineDomain(border, null, "Frontieră");
        stream.defineEntry(inForce, ReferenceList.ACT_STATUS, "În vigoare");
    }

    // ------------------------------------------------------------------ the proposal workflow

    @Test
    void aProposalGoesThroughTheWorkflow() {
        UUID activity = UUID.randomUUID();
        List<Attachment> attachments = List.of(new Attachment("Procedura de lucru.pdf", "dms://proc/12"),
                new Attachment("Fișa postului.docx", "dms://proc/13"));
        DomainEventMessage<?> proposed = stream.proposeActivity(activity, "Emiterea permiselor", "Eliberare permise",
                traffic, List.of(procurement, permits), attachments, ana, ipjCluj);

        ItemView view = queries.item(activity).orElseThrow();
        assertThat(view).isEqualTo(new ItemView(activity, ItemKind.ACTIVITY, null, activity, null,
                "Emiterea permiselor", "Eliberare permise", traffic, null, ItemStatus.PROPOSED, null,
                sorted(permits, procurement), attachments, ana.toString(), ipjCluj, "CJ", 1,
                timestampOf(proposed), timestampOf(proposed), null, null));
        assertThat(view.national()).isFalse();

        // a proposed activity already receives proposed tasks, documents and risks
        UUID task = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID risk = UUID.randomUUID();
        stream.proposeTask(task, activity, "Verificarea dosarului", ana, ipjCluj);
        DomainEventMessage<?> documentProposed = stream.proposeDocument(document, task, "Registru de evidență",
                Periodicity.MONTHLY, bogdan, ipjBihor);
        stream.proposeRisk(risk, activity, "Primirea de foloase", "Mită pentru eliberare", ana, ipjCluj);

        ItemView documentView = queries.item(document).orElseThrow();
        assertThat(documentView.kind()).isEqualTo(ItemKind.DOCUMENT);
        assertThat(documentView.parentId()).isEqualTo(task);
        assertThat(documentView.taskId()).isEqualTo(task);
        assertThat(documentView.activityId()).isEqualTo(activity);
        assertThat(documentView.periodicity()).isEqualTo(Periodicity.MONTHLY);
        assertThat(documentView.workUnitIds()).isEqualTo(sorted(permits, procurement)); // inherited
        assertThat(documentView.attachments()).isEmpty();
        assertThat(documentView.proposerCounty()).isEqualTo("BH");
        assertThat(documentView.createdAt()).isEqualTo(timestampOf(documentProposed));
        ItemView riskView = queries.item(risk).orElseThrow();
        assertThat(riskView.parentId()).isEqualTo(activity);
        assertThat(riskView.activityId()).isEqualTo(activity);
        assertThat(riskView.taskId()).isNull();
        assertThat(riskView.description()).isEqualTo("Mită pentru eliberare");
        assertThat(queries.item(task).orElseThrow().workUnitIds()).isEqualTo(sorted(permits, procurement));

        // the proposer revises; the administrator edits and accepts
        DomainEventMessage<?> revised = stream.actingAs(ana).revise(activity, "Emiterea permiselor auto",
                "Eliberarea permiselor de conducere", List.of(permits), null, false);
        ItemView afterRevision = queries.item(activity).orElseThrow();
        assertThat(afterRevision.name()).isEqualTo("Emiterea permiselor auto");
        assertThat(afterRevision.description()).isEqualTo("Eliberarea permiselor de conducere");
        assertThat(afterRevision.workUnitIds()).containsExactly(permits);
        assertThat(afterRevision.attachments()).isEqualTo(attachments);
        assertThat(afterRevision.version()).isEqualTo(2);
        assertThat(afterRevision.updatedAt()).isEqualTo(timestampOf(revised));
        assertThat(afterRevision.status()).isEqualTo(ItemStatus.PROPOSED);
        assertThat(queries.item(risk).orElseThrow().workUnitIds()).containsExactly(permits);

        stream.actingAs(admin).revise(activity, "Emiterea permiselor auto", "Eliberarea permiselor",
                List.of(permits, procurement), null, true);
        DomainEventMessage<?> accepted = stream.accept(activity);
        ItemView approved = queries.item(activity).orElseThrow();
        assertThat(approved.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(approved.national()).isTrue();
        assertThat(approved.description()).isEqualTo("Eliberarea permiselor");
        assertThat(approved.workUnitIds()).isEqualTo(sorted(permits, procurement));
        assertThat(approved.version()).isEqualTo(4);
        assertThat(approved.decidedAt()).isEqualTo(timestampOf(accepted));
        assertThat(approved.decidedBy()).isEqualTo(admin.toString());
        assertThat(approved.createdAt()).isEqualTo(timestampOf(proposed));

        // a document's periodicity revised, then rejected with a reason
        stream.actingAs(bogdan).revise(document, "Registrul de evidență", null, null, Periodicity.WEEKLY, false);
        DomainEventMessage<?> rejected = stream.actingAs(admin).reject(document, "Există deja în nomenclator");
        ItemView rejectedView = queries.item(document).orElseThrow();
        assertThat(rejectedView.status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(rejectedView.name()).isEqualTo("Registrul de evidență");
        assertThat(rejectedView.periodicity()).isEqualTo(Periodicity.WEEKLY);
        assertThat(rejectedView.rejectionReason()).isEqualTo("Există deja în nomenclator");
        assertThat(rejectedView.decidedAt()).isEqualTo(timestampOf(rejected));
        assertThat(rejectedView.decidedBy()).isEqualTo(admin.toString());
        assertThat(rejectedView.version()).isEqualTo(3);

        // an approved entry deactivated leaves new selections
        stream.accept(task);
        DomainEventMessage<?> deactivated = stream.deactivateItem(task);
        ItemView inactive = queries.item(task).orElseThrow();
        assertThat(inactive.status()).isEqualTo(ItemStatus.INACTIVE);
        assertThat(inactive.national()).isTrue();
        assertThat(inactive.version()).isEqualTo(3);
        assertThat(inactive.updatedAt()).isEqualTo(timestampOf(deactivated));

        assertThat(queries.items(List.of(risk, document, UUID.randomUUID(), activity, task)))
                .extracting(ItemView::id).containsExactly(activity, task, document, risk); // by kind
        assertThat(queries.items(List.of())).isEmpty();
        assertThat(queries.item(UUID.randomUUID())).isEmpty();

        // children by name; inactive ones only when asked for
        ProposalVisibility all = ProposalVisibility.all();
        assertThat(ids(queries.children(activity, ItemKind.TASK, all, false, 10, null))).isEmpty();
        assertThat(ids(queries.children(activity, ItemKind.TASK, all, true, 10, null))).containsExactly(task);
        assertThat(ids(queries.children(activity, ItemKind.RISK, all, false, 10, null))).containsExactly(risk);
        assertThat(ids(queries.children(task, ItemKind.DOCUMENT, all, false, 10, null))).containsExactly(document);
        assertThat(ids(queries.children(traffic, ItemKind.ACTIVITY, all, false, 10, null))).containsExactly(activity);
        assertThat(ids(queries.children(publicOrder, ItemKind.ACTIVITY, all, false, 10, null)))
                .containsExactly(activity); // through its subdomain
        assertThat(ids(queries.children(border, ItemKind.ACTIVITY, all, false, 10, null))).isEmpty();
        assertThat(ids(queries.children(null, ItemKind.ACTIVITY, all, false, 10, null))).containsExactly(activity);
        assertThat(ids(queries.proposals(all, null, 10, null))).containsExactly(risk);
    }

    @Test
    void aTasksDescriptionAndADocumentsContentAreTheItemsDescription() {
        UUID activity = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        stream.proposeActivity(activity, "Emiterea permiselor", null, traffic, List.of(permits), List.of(), ana, ipjCluj);
        DomainEventMessage<?> taskProposed = stream.proposeTask(task, activity, "Verificarea dosarului",
                "Se verifică actele depuse", ana, ipjCluj);
        stream.proposeDocument(document, task, "Registru de evidență", "Numărul și data cererii",
                Periodicity.MONTHLY, ana, ipjCluj);

        ItemView taskView = queries.item(task).orElseThrow();
        assertThat(taskView.description()).isEqualTo("Se verifică actele depuse");
        assertThat(taskView.version()).isEqualTo(2); // proposed, described
        assertThat(taskView.createdAt()).isEqualTo(timestampOf(taskProposed));
        ItemView documentView = queries.item(document).orElseThrow();
        assertThat(documentView.description()).isEqualTo("Numărul și data cererii");
        assertThat(documentView.periodicity()).isEqualTo(Periodicity.MONTHLY);
        assertThat(documentView.version()).isEqualTo(2);

        stream.actingAs(ana).revise(document, null, "Numărul, data și solicitantul", null, null, false);
        assertThat(queries.item(document).orElseThrow().description()).isEqualTo("Numărul, data și solicitantul");
        assertThat(queries.item(document).orElseThrow().periodicity()).isEqualTo(Periodicity.MONTHLY);
        stream.actingAs(admin).revise(task, null, "Se verifică actele", null, null, true);
        stream.accept(task);
        ItemView accepted = queries.item(task).orElseThrow();
        assertThat(accepted.description()).isEqualTo("Se verifică actele");
        assertThat(accepted.version()).isEqualTo(4);
    }

    // ------------------------------------------------------------------ visibility

    @Test
    void proposalsAreSeenByTheirProposerTheAdministratorsAndTheTerritorialAdministratorsOfTheirCounty() {
        UUID fromCluj = UUID.randomUUID();
        UUID fromBihor = UUID.randomUUID();
        UUID national = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        stream.proposeActivity(fromCluj, "Activitate Cluj", null, traffic, List.of(permits), List.of(), ana, ipjCluj);
        stream.proposeActivity(fromBihor, "Activitate Bihor", null, traffic, List.of(archive), List.of(), bogdan,
                ipjBihor);
        stream.proposeActivity(national, "Activitate națională", null, traffic, List.of(permits), List.of(), admin,
                dga);
        stream.actingAs(admin).accept(national);
        stream.proposeActivity(rejected, "Activitate respinsă", null, traffic, List.of(permits), List.of(), ana,
                ipjCluj);
        stream.actingAs(admin).reject(rejected, "Nu este o activitate vulnerabilă");

        ProposalVisibility ownAna = ProposalVisibility.own(ana.toString());
        ProposalVisibility ownBogdan = ProposalVisibility.own(bogdan.toString());
        ProposalVisibility stranger = ProposalVisibility.own(UUID.randomUUID().toString());
        ProposalVisibility territorialCluj = new ProposalVisibility(false, UUID.randomUUID().toString(),
                Set.of("CJ"));
        ProposalVisibility territorialBoth = new ProposalVisibility(false, null, Set.of("CJ", "BH"));
        ProposalVisibility none = new ProposalVisibility(false, null, Set.of());

        // by folded name: "activitate bihor" < "activitate cluj" < "activitate nationala" < "activitate respinsa"
        assertThat(activities(ownAna)).containsExactly(fromCluj, national, rejected);
        assertThat(activities(ownBogdan)).containsExactly(fromBihor, national);
        assertThat(activities(stranger)).containsExactly(national);
        assertThat(activities(none)).containsExactly(national);
        assertThat(activities(territorialCluj)).containsExactly(fromCluj, national, rejected);
        assertThat(activities(territorialBoth)).containsExactly(fromBihor, fromCluj, national, rejected);
        assertThat(activities(ProposalVisibility.all())).containsExactly(fromBihor, fromCluj, national, rejected);

        // the same rule in Java, for single reads
        for (ProposalVisibility v : List.of(ownAna, ownBogdan, stranger, none, territorialCluj, territorialBoth,
                ProposalVisibility.all())) {
            List<UUID> visible = queries.items(List.of(fromCluj, fromBihor, national, rejected)).stream()
                    .filter(item -> item.visibleTo(v)).map(ItemView::id).toList();
            assertThat(visible).containsExactlyInAnyOrderElementsOf(activities(v));
        }

        // the administrators' queue: pending proposals only, oldest first
        assertThat(ids(queries.proposals(ProposalVisibility.all(), null, 10, null)))
                .containsExactly(fromCluj, fromBihor);
        assertThat(ids(queries.proposals(ownAna, null, 10, null))).containsExactly(fromCluj);
        assertThat(ids(queries.proposals(territorialCluj, ItemKind.ACTIVITY, 10, null))).containsExactly(fromCluj);
        assertThat(ids(queries.proposals(stranger, null, 10, null))).isEmpty();
        assertThat(ids(queries.proposals(ProposalVisibility.all(), ItemKind.TASK, 10, null))).isEmpty();

        // a proposal of ana's under bogdan's proposed activity: each sees their own
        UUID task = UUID.randomUUID();
        stream.proposeTask(task, fromBihor, "Sarcina Anei", ana, ipjCluj);
        assertThat(ids(queries.children(fromBihor, ItemKind.TASK, ownAna, false, 10, null))).containsExactly(task);
        assertThat(ids(queries.children(fromBihor, ItemKind.TASK, ownBogdan, false, 10, null))).isEmpty();
        assertThat(ids(queries.proposals(ProposalVisibility.all(), ItemKind.TASK, 10, null))).containsExactly(task);
    }

    @Test
    void pagesThroughChildrenAndProposalsWithACursor() {
        UUID activity = UUID.randomUUID();
        stream.proposeActivity(activity, "Activitate", null, traffic, List.of(permits), List.of(), admin, dga);
        stream.actingAs(admin).accept(activity);
        List<UUID> byName = new ArrayList<>();
        List<UUID> byAge = new ArrayList<>();
        for (int i = 25; i >= 1; i--) {
            UUID task = UUID.randomUUID();
            stream.proposeTask(task, activity, String.format("Sarcina %02d", i), ana, ipjCluj);
            byName.addFirst(task);
            byAge.add(task);
        }
        ProposalVisibility v = ProposalVisibility.own(ana.toString());

        List<UUID> seen = new ArrayList<>();
        Page<ItemView> page = queries.children(activity, ItemKind.TASK, v, false, 10, null);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.cursors()).hasSize(10);
        seen.addAll(ids(page));
        page = queries.children(activity, ItemKind.TASK, v, false, 10, page.endCursor());
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(ids(page));
        page = queries.children(activity, ItemKind.TASK, v, false, 10, page.endCursor());
        assertThat(page.items()).hasSize(5);
        assertThat(page.hasNextPage()).isFalse();
        seen.addAll(ids(page));
        assertThat(seen).containsExactlyElementsOf(byName);

        seen.clear();
        String after = null;
        do {
            Page<ItemView> proposals = queries.proposals(v, ItemKind.TASK, 7, after);
            seen.addAll(ids(proposals));
            after = proposals.hasNextPage() ? proposals.endCursor() : null;
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(byAge);
        Page<ItemView> exact = queries.proposals(v, null, 25, null);
        assertThat(exact.items()).hasSize(25);
        assertThat(exact.hasNextPage()).isFalse();
    }

    // ------------------------------------------------------------------ domains, lists, causes

    @Test
    void domainsReferenceListsAndRegulatoryCauses() {
        UUID documents = UUID.randomUUID();
        DomainEventMessage<?> defined = stream.defineDomain(documents, border, "Documente de călătorie");
        DomainEventMessage<?> renamed = stream.renameDomain(documents, "Acte de călătorie");
        assertThat(queries.domain(documents)).contains(new DomainView(documents, border, "Acte de călătorie", 2,
                timestampOf(defined), timestampOf(renamed)));
        assertThat(queries.domain(UUID.randomUUID())).isEmpty();
        // tree order: "frontiera" (with its subdomain) < "ordine publica" (with its subdomain)
        assertThat(queries.domains()).extracting(DomainView::id).containsExactly(border, documents, publicOrder,
                traffic);

        UUID law = UUID.randomUUID();
        UUID code = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID government = UUID.randomUUID();
        stream.actingAs(admin).defineEntry(law, ReferenceList.ACT_TYPE, "Lege");
        stream.defineEntry(code, ReferenceList.ACT_TYPE, "Cod");
        stream.defineEntry(order, ReferenceList.ACT_TYPE, "Ordin");
        stream.defineEntry(government, ReferenceList.ACT_ISSUER, "Guvernul României");
        stream.renameEntry(order, "Ordin al ministrului");
        DomainEventMessage<?> entryDeactivated = stream.deactivateEntry(code);
        assertThat(queries.referenceEntries(ReferenceList.ACT_TYPE, false)).extracting(ReferenceEntryView::id)
                .containsExactly(law, order);
        assertThat(queries.referenceEntries(ReferenceList.ACT_TYPE, true)).extracting(ReferenceEntryView::id)
                .containsExactly(code, law, order);
        assertThat(queries.referenceEntries(ReferenceList.EFFECT, true)).isEmpty();
        ReferenceEntryView codeView = queries.referenceEntry(code).orElseThrow();
        assertThat(codeView.active()).isFalse();
        assertThat(codeView.version()).isEqualTo(2);
        assertThat(codeView.updatedAt()).isEqualTo(timestampOf(entryDeactivated));
        assertThat(queries.referenceEntry(order).orElseThrow().name()).isEqualTo("Ordin al ministrului");
        assertThat(queries.referenceEntry(government).orElseThrow().list()).isEqualTo(ReferenceList.ACT_ISSUER);

        UUID activity = UUID.randomUUID();
        UUID otherActivity = UUID.randomUUID();
        stream.proposeActivity(activity, "Emiterea permiselor", null, traffic, List.of(permits), List.of(), admin,
                dga);
        stream.proposeActivity(otherActivity, "Achiziții", null, traffic, List.of(procurement, permits), List.of(), admin,
                dga);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        RegulatoryCauseDetails details = cause(permits, activity, government, law, "Legea privind permisele");
        DomainEventMessage<?> added = stream.addCause(first, details, ana, ipjCluj);
        stream.addCause(second, cause(procurement, otherActivity, government, law, "Legea achizițiilor"), ana,
                ipjCluj);
        stream.addCause(third, cause(permits, otherActivity, government, order, "Ordinul 12"), bogdan, ipjBihor);

        RegulatoryCauseView view = queries.cause(first).orElseThrow();
        assertThat(view).isEqualTo(RegulatoryCauseView.of(first, details, ana.toString(), ipjCluj, true, 1,
                timestampOf(added), timestampOf(added)));
        RegulatoryCauseDetails edited = new RegulatoryCauseDetails(permits, activity, government, law, "38", 2003,
                inForce, "Legea nr. 38/2003", "12", null, "Extras modificat", "Factori", "Amenințări",
                "Recomandări", "Text propus");
        DomainEventMessage<?> editedAt = stream.actingAs(admin).editCause(first, edited);
        assertThat(queries.cause(first).orElseThrow()).isEqualTo(RegulatoryCauseView.of(first, edited,
                ana.toString(), ipjCluj, true, 2, timestampOf(added), timestampOf(editedAt)));
        assertThat(queries.cause(first).orElseThrow().details()).isEqualTo(edited);
        assertThat(queries.versionOf(first)).contains(2L);
        assertThat(queries.versionOf(documents)).contains(2L);
        assertThat(queries.versionOf(order)).contains(2L);
        assertThat(queries.versionOf(activity)).contains(1L);
        assertThat(queries.versionOf(UUID.randomUUID())).isEmpty();
        stream.deactivateCause(second);
        assertThat(queries.cause(second).orElseThrow().active()).isFalse();
        assertThat(queries.cause(UUID.randomUUID())).isEmpty();

        assertThat(causeIds(queries.causes(null, null, false, 10, null))).containsExactly(first, third);
        assertThat(causeIds(queries.causes(null, null, true, 10, null))).containsExactly(first, second, third);
        assertThat(causeIds(queries.causes(permits, null, false, 10, null))).containsExactly(first, third);
        assertThat(causeIds(queries.causes(null, otherActivity, true, 10, null))).containsExactly(second, third);
        assertThat(causeIds(queries.causes(permits, otherActivity, false, 10, null))).containsExactly(third);
        Page<RegulatoryCauseView> page = queries.causes(null, null, true, 2, null);
        assertThat(causeIds(page)).containsExactly(first, second);
        assertThat(page.hasNextPage()).isTrue();
        Page<RegulatoryCauseView> next = queries.causes(null, null, true, 2, page.endCursor());
        assertThat(causeIds(next)).containsExactly(third);
        assertThat(next.hasNextPage()).isFalse();

        assertThat(queries.workUnitsOfOrgUnit(ipjCluj)).isEqualTo(sorted(permits, procurement));
        assertThat(queries.workUnitsOfOrgUnit(ipjBihor)).containsExactly(archive);
        assertThat(queries.workUnitsOfOrgUnit(dga)).isEmpty();
    }

    // ------------------------------------------------------------------ idempotence

    @Test
    void everyEventOfTheStreamIsHandled() {
        everyKindOfEvent();
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        assertThat(stream.messages()).allSatisfy(m -> assertThat(adapter.canHandle(m))
                .as(m.getPayloadType().getSimpleName()).isTrue());
        Set<Class<?>> types = new HashSet<>();
        stream.messages().forEach(m -> types.add(m.getPayloadType()));
        assertThat(types).hasSize(17);
    }

    @Test
    void replayingTheWholeStreamTwiceChangesNothing() {
        everyKindOfEvent();
        List<String> before = dump();
        assertThat(before).hasSize(4 + 5 + 3 + 2 + 3 + 1); // domains, items, work units, attachments, entries, cause

        stream.replayAll();
        stream.replayAll();

        assertThat(dump()).containsExactlyElementsOf(before);
    }

    @Test
    void aResetFollowedByAReplayRebuildsTheSameRows() {
        everyKindOfEvent();
        List<String> before = dump();

        stream.resetAndReplay();
        // the reset also emptied the group's own org-unit counties: the organisation's events are replayed
        // too (here after the proposals, which then get their county from the cascade)
        org.replayAll();

        assertThat(dump()).containsExactlyElementsOf(before);
    }

    @Test
    void anOldEventDeliveredAfterNewerOnesDoesNotOverwriteNewerState() {
        UUID activity = UUID.randomUUID();
        DomainEventMessage<?> proposed = stream.proposeActivity(activity, "Prima", null, traffic,
                List.of(permits, procurement), List.of(new Attachment("a", "b")), ana, ipjCluj);
        DomainEventMessage<?> revised = stream.actingAs(ana).revise(activity, "A doua", "descriere",
                List.of(archive), null, false);
        stream.actingAs(admin).accept(activity);
        UUID entry = UUID.randomUUID();
        DomainEventMessage<?> entryDefined = stream.defineEntry(entry, ReferenceList.EFFECT, "Efect");
        DomainEventMessage<?> entryRenamed = stream.renameEntry(entry, "Efect nou");
        stream.renameEntry(entry, "Efect final");
        DomainEventMessage<?> domainRenamed = stream.renameDomain(border, "Frontiera de stat");
        stream.renameDomain(border, "Frontiera");
        List<String> before = dump();

        for (DomainEventMessage<?> old : List.of(proposed, revised, entryDefined, entryRenamed, domainRenamed)) {
            stream.deliver(old);
        }

        assertThat(dump()).containsExactlyElementsOf(before);
        ItemView view = queries.item(activity).orElseThrow();
        assertThat(view.name()).isEqualTo("A doua");
        assertThat(view.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(view.workUnitIds()).containsExactly(archive);
        assertThat(queries.referenceEntry(entry).orElseThrow().name()).isEqualTo("Efect final");
        assertThat(queries.domain(border).orElseThrow().name()).isEqualTo("Frontiera");
    }

    // ------------------------------------------------------------------ helpers

    /** A stream with every kind of nomenclature event. */
    private void everyKindOfEvent() {
        UUID sub = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID risk = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID otherEntry = UUID.randomUUID();
        UUID cause = UUID.randomUUID();
        stream.defineDomain(sub, border, "Control");
        stream.renameDomain(sub, "Controlul frontierei");
        stream.proposeActivity(activity, "Control documente", "desc", sub, List.of(permits, archive),
                List.of(new Attachment("Procedura.pdf", "dms://1"), new Attachment("Anexa.pdf", "dms://2")), ana,
                ipjCluj);
        stream.proposeTask(task, activity, "Verificare", "Descrierea sarcinii", ana, ipjCluj);
        stream.proposeDocument(document, task, "Registru", Periodicity.DAILY, ana, ipjCluj);
        stream.proposeRisk(risk, activity, "Mită", "Foloase necuvenite", bogdan, ipjBihor);
        stream.proposeActivity(other, "Alta", null, sub, List.of(procurement), List.of(), bogdan, ipjBihor);
        stream.actingAs(ana).revise(activity, "Controlul documentelor", "desc 2", List.of(permits, procurement),
                null, false);
        stream.actingAs(admin).revise(document, "Registrul", null, null, Periodicity.WEEKLY, true);
        stream.accept(document);
        stream.accept(activity);
        stream.accept(task);
        stream.reject(risk, "Duplicat");
        stream.deactivateItem(task);
        stream.defineEntry(entry, ReferenceList.ACT_ISSUER, "Buget");
        stream.defineEntry(otherEntry, ReferenceList.ACT_TYPE, "Imagine");
        stream.renameEntry(entry, "Bugetul");
        stream.addCause(cause, cause(permits, activity, entry, otherEntry, "Legea 1"), ana, ipjCluj);
        stream.actingAs(admin).editCause(cause, cause(procurement, activity, entry, otherEntry, "Legea 2"));
        stream.deactivateCause(cause);
        stream.deactivateEntry(otherEntry);
    }

    private List<String> dump() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT * FROM nomenclature_domain ORDER BY id").query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("SELECT * FROM nomenclature_item ORDER BY id").query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("SELECT * FROM nomenclature_item_work_unit ORDER BY item_id, work_unit_id")
                .query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("SELECT * FROM nomenclature_attachment ORDER BY activity_id, position")
                .query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("SELECT * FROM reference_entry ORDER BY id").query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("SELECT * FROM regulatory_cause ORDER BY id").query((rs, n) -> row(rs)).list());
        return rows;
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder row = new StringBuilder(rs.getMetaData().getTableName(1)).append(':');
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
        }
        return row.toString();
    }

    private RegulatoryCauseDetails cause(UUID workUnit, UUID activity, UUID issuer, UUID actType, String title) {
        return new RegulatoryCauseDetails(workUnit, activity, issuer, actType, "38", 2003, inForce, title,
                "5", "Informații", "Extras", "Factori", "Amenințări", "Recomandări", null);
    }

    private List<UUID> activities(ProposalVisibility v) {
        return ids(queries.children(traffic, ItemKind.ACTIVITY, v, false, 50, null));
    }

    private static List<UUID> ids(Page<ItemView> page) {
        return page.items().stream().map(ItemView::id).toList();
    }

    private static List<UUID> causeIds(Page<RegulatoryCauseView> page) {
        return page.items().stream().map(RegulatoryCauseView::id).toList();
    }

    private static List<UUID> sorted(UUID... ids) {
        return Arrays.stream(ids).sorted(Comparator.comparing(UUID::toString)).toList(); // PostgreSQL's uuid order
    }
}
