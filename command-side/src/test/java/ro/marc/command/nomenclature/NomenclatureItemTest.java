package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

/** One activity, task, document or risk and its proposal lifecycle; the tree and the org come from the lookups. */
class NomenclatureItemTest {

    private InMemoryNomenclatureCatalogue catalogue;
    /** No structure has an active plan unless a test gives one: the structure's work units decide. */
    private final InMemoryActivePlans plans = new InMemoryActivePlans();

    @BeforeEach
    void setUp() {
        catalogue = new InMemoryNomenclatureCatalogue();
    }

    /** A fresh fixture per scenario (a fixture serves one aggregate id); the lookups are the test's. */
    private FixtureConfiguration<NomenclatureItem> fixture() {
        FixtureConfiguration<NomenclatureItem> fixture = new AggregateTestFixture<>(NomenclatureItem.class);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(org());
        fixture.registerInjectableResource(plans);
        return fixture;
    }

    private static ProposeActivity proposeActivity(UUID id, String name, UUID domain, Actor by, boolean atOnce) {
        return new ProposeActivity(id, name, null, domain, List.of(WU1, WU2), List.of(), by, atOnce);
    }

    private static ActivityProposed activityBy(UUID id, String name, Actor by) {
        return new ActivityProposed(id, name, null, PROCUREMENT, List.of(WU1, WU2), List.of(), by.userId(), by.orgUnitId());
    }

    // ---------------------------------------------------------------- unknown entries

    @Test
    void a_command_on_an_unknown_item_is_a_typed_not_found() {
        fixture().givenNoPriorActivity()
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectNoEvents()
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(new DeactivateItem(ACTIVITY, 1))
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(new ReviseProposal(ACTIVITY, "X", null, null, null, 1, MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "Achiziții directe", PROCUREMENT, MEMBER, false))
                .expectException(rejected(Reason.NOT_FOUND, "domainId", "NOT_FOUND"));
    }

    // ---------------------------------------------------------------- activities

    @Test
    void proposing_an_activity_tidies_the_input_and_returns_version_1() {
        catalogue.given(domains());
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, " Achiziții  directe ", "  Sub pragul legal  ", PROCUREMENT,
                        List.of(WU1), List.of(new Attachment(" Procedura ", " P-01 ")), MEMBER, false))
                .expectEvents(new ActivityProposed(ACTIVITY, "Achiziții directe", "Sub pragul legal", PROCUREMENT,
                        List.of(WU1), List.of(new Attachment("Procedura", "P-01")), PROPOSER, CLUJ))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_administrators_own_addition_is_approved_in_the_same_command() {
        catalogue.given(domains());
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "Achiziții directe", PROCUREMENT, ADMIN, true))
                .expectEvents(activityBy(ACTIVITY, "Achiziții directe", ADMIN),
                        new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, ADMIN.userId()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void proposing_again_with_the_same_id_and_content_returns_the_first_result_else_a_conflict() {
        catalogue.given(domains());
        fixture().given(activityBy(ACTIVITY, "Achiziții directe", MEMBER))
                .when(proposeActivity(ACTIVITY, "Achiziții  directe", PROCUREMENT, MEMBER, false))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(activityBy(ACTIVITY, "Achiziții directe", ADMIN),
                        new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, ADMIN.userId()))
                .when(proposeActivity(ACTIVITY, "Achiziții directe", PROCUREMENT, ADMIN, true))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture().given(activityBy(ACTIVITY, "Achiziții directe", MEMBER))
                .when(proposeActivity(ACTIVITY, "Achiziții indirecte", PROCUREMENT, MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.CONFLICT, "activityId", "DUPLICATE_ID"));
        // the id of an activity, used for a task: another entry's id
        catalogue.given(activityBy(ACTIVITY, "Achiziții directe", MEMBER));
        fixture().given(activityBy(TASK, "Altă activitate", MEMBER))
                .when(new ProposeTask(TASK, ACTIVITY, "Sarcină", null, MEMBER, false))
                .expectException(rejected(Reason.CONFLICT, "taskId", "DUPLICATE_ID"));
    }

    @Test
    void g02_an_activity_goes_only_to_a_domain_without_subdomains() {
        catalogue.given(domains());
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "Selecția personalului", HR, MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "domainId", "DOMAIN_HAS_SUBDOMAINS", "'Resurse umane' has subdomains"));
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "Selecția personalului", RECRUITMENT, MEMBER, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void activity_names_are_unique_ignoring_diacritics_until_the_other_is_rejected() {
        UUID other = UUID.randomUUID();
        catalogue.given(domains()).given(activityProposed(other, "Achiziții directe"));
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "ACHIZITII DIRECTE", RECRUITMENT, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "'Achiziții directe' (proposed)"));
        catalogue.given(new ProposalRejected(other, ItemKind.ACTIVITY, "Duplicat", 1, PROPOSER));
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, "ACHIZITII DIRECTE", RECRUITMENT, MEMBER, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void activity_input_is_validated_field_by_field() {
        catalogue.given(domains());
        fixture().givenNoPriorActivity()
                .when(proposeActivity(ACTIVITY, " ", PROCUREMENT, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "name", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", "x".repeat(4001), PROCUREMENT, List.of(WU1), List.of(), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "description", "TOO_LONG"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(), List.of(), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1, WU1), List.of(), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "DUPLICATE_WORK_UNIT"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1),
                        Collections.nCopies(21, new Attachment("P", "R")), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "attachments", "TOO_MANY"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1),
                        List.of(new Attachment("P", " ")), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "attachments", "REQUIRED", "Say where attachment 'P' is kept"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1), List.of(),
                        Actor.member(" ", CLUJ), false))
                .expectException(rejected(Reason.INVALID, "proposerUserId", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1), List.of(),
                        Actor.member("u", null), false))
                .expectException(rejected(Reason.INVALID, "proposerOrgUnitId", "REQUIRED"));
    }

    @Test
    void a_proposal_goes_only_under_work_units_the_proposers_structure_holds() {
        catalogue.given(domains());
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU1, WU_ELSEWHERE), List.of(), MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD", WU_ELSEWHERE.toString()));
        // decided before the input is read: a refused caller learns nothing about it
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "", null, PROCUREMENT, List.of(WU1), List.of(), IASI_MEMBER, false))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD"));
        // a central administrator acts on every work unit
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "A", null, PROCUREMENT, List.of(WU_ELSEWHERE), List.of(), ADMIN, true))
                .expectSuccessfulHandlerExecution();
    }

    // ---------------------------------------------------------------- tasks, documents, risks

    @Test
    void a_task_under_a_proposed_activity_is_proposed_and_can_be_accepted() {
        catalogue.given(domains()).given(activityProposed(ACTIVITY, "Achiziții directe"));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(TASK, ACTIVITY, " Nota justificativă ", null, MEMBER, false))
                .expectEvents(new TaskProposed(TASK, ACTIVITY, "Nota justificativă", PROPOSER, CLUJ))
                .expectResultMessagePayload(1L);
        fixture().given(new TaskProposed(TASK, ACTIVITY, "Nota justificativă", PROPOSER, CLUJ))
                .when(new AcceptProposal(TASK, 1))
                .expectEvents(new ProposalAccepted(TASK, ItemKind.TASK, 1, PROPOSER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void nothing_is_proposed_under_a_rejected_or_inactive_or_unknown_parent() {
        catalogue.given(tree());
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), UUID.randomUUID(), "Sarcină", null, MEMBER, false))
                .expectException(rejected(Reason.NOT_FOUND, "activityId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(UUID.randomUUID(), ACTIVITY, "Document", null, Periodicity.MONTHLY, MEMBER, false))
                .expectException(rejected(Reason.NOT_FOUND, "taskId", "NOT_FOUND", "Task"));
        catalogue.given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Risc nou", null, MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "activityId", "PARENT_NOT_LIVE", "is inactive"));
        // a document under an approved task whose activity is no longer live
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(UUID.randomUUID(), TASK, "Document nou", null, Periodicity.MONTHLY, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "taskId", "PARENT_NOT_LIVE", "Activity 'Achiziții directe' is inactive"));
        catalogue.given(new ProposalRejected(RISK, ItemKind.RISK, "Nu", 1, PROPOSER));
        UUID other = UUID.randomUUID();
        catalogue.given(activityProposed(other, "Altă activitate"),
                new ProposalRejected(other, ItemKind.ACTIVITY, "Nu", 1, PROPOSER));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), other, "Sarcină", null, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "activityId", "PARENT_NOT_LIVE", "is rejected"));
    }

    @Test
    void a_parent_is_usable_only_when_the_proposer_sees_it_and_shares_a_work_unit() {
        catalogue.given(tree());
        UUID theirs = UUID.randomUUID();
        catalogue.given(new ActivityProposed(theirs, "Activitatea altcuiva", null, PROCUREMENT, List.of(WU2), List.of(),
                "user-9", CLUJ));
        // another member's proposal is not visible (even in the same structure)
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), theirs, "", null, OTHER_MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "activityId", "PROPOSAL_NOT_VISIBLE"));
        // ... to a territorial administrator of Cluj it is; of Iași it is not
        Actor territorialCluj = new Actor("ta-cj", IASI, false, false, Set.of(County.CJ));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), theirs, "", null, territorialCluj, false))
                .expectException(rejected(Reason.INVALID, "name", "REQUIRED"));
        Actor territorialIasi = new Actor("ta-is", IASI, false, false, Set.of(County.IS));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), theirs, "", null, territorialIasi, false))
                .expectException(rejected(Reason.FORBIDDEN, "activityId", "PROPOSAL_NOT_VISIBLE"));
        // an approved activity is visible to all, but only usable by a structure holding one of its work units
        UUID central = UUID.randomUUID();
        catalogue.given(new ActivityProposed(central, "Activitate centrală", null, PROCUREMENT, List.of(WU_ELSEWHERE),
                List.of(), ADMIN.userId(), ADMIN.orgUnitId()), new ProposalAccepted(central, ItemKind.ACTIVITY, 1, ADMIN.userId()));
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), central, "", null, MEMBER, false))
                .expectException(rejected(Reason.FORBIDDEN, "activityId", "NO_SHARED_WORK_UNIT"));
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(UUID.randomUUID(), TASK, "Referat", null, Periodicity.ANNUAL, IASI_MEMBER, false))
                .expectSuccessfulHandlerExecution(); // Iași holds WU2, a work unit of the task's activity
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), central, "Risc central", null, ADMIN, true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_territorial_administrator_proposes_for_a_structure_of_their_counties_under_its_work_units() {
        catalogue.given(tree());
        Actor forCluj = Actor.territorialAdministrator("at-cluj", CLUJ, Set.of(County.CJ));
        UUID task = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Sarcină pentru Cluj", null, forCluj, false))
                .expectEvents(new TaskProposed(task, ACTIVITY, "Sarcină pentru Cluj", "at-cluj", CLUJ))
                .expectResultMessagePayload(1L);
        fixture().givenNoPriorActivity()
                .when(proposeActivity(UUID.randomUUID(), "Activitate pentru Cluj", PROCUREMENT, forCluj, false))
                .expectSuccessfulHandlerExecution();
        // a structure of another county
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Sarcină", null,
                        Actor.territorialAdministrator("at-iasi", CLUJ, Set.of(County.IS)), false))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "forOrgUnitId", "ORG_UNIT_OUTSIDE_COUNTIES"));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Sarcină", null,
                        Actor.territorialAdministrator("at-cluj", UUID.randomUUID(), Set.of(County.CJ)), false))
                .expectException(rejected(Reason.NOT_FOUND, "forOrgUnitId", "NOT_FOUND"));
        // a structure of their county, but the work units are the structure's (Iași holds WU2 only)
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(UUID.randomUUID(), "Activitate", null, PROCUREMENT, List.of(WU1), List.of(),
                        Actor.territorialAdministrator("at-iasi", IASI, Set.of(County.IS)), false))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD"));
    }

    @Test
    void a_territorial_administrator_revises_under_the_work_units_of_the_structure_they_proposed_for() {
        catalogue.given(domains());
        // proposed for IPJ Cluj (holds WU1); the administrator's own structure is in Iași (WU2 only)
        ActivityProposed proposedForCluj = new ActivityProposed(ACTIVITY, "Achiziții directe", null, PROCUREMENT,
                List.of(WU1), List.of(), "at-cluj", CLUJ);
        Actor ownStructure = new Actor("at-cluj", IASI, false, false, Set.of(County.CJ));
        fixture().given(proposedForCluj)
                .when(new ReviseProposal(ACTIVITY, null, "Sub prag", List.of(WU1), null, 1, ownStructure))
                .expectEvents(new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "Sub prag",
                        List.of(WU1), null, false));
    }

    @Test
    void an_id_whose_stream_holds_another_kind_of_entity_is_taken() {
        catalogue.given(domains());
        UUID taken = UUID.randomUUID();
        fixture().given(new DomainDefined(taken, null, "Un domeniu"))
                .when(proposeActivity(taken, "Activitate", PROCUREMENT, MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.CONFLICT, "activityId", "DUPLICATE_ID"));
        fixture().given(new DomainDefined(taken, null, "Un domeniu"))
                .when(new AcceptProposal(taken, 1))
                .expectNoEvents()
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"));
    }

    @Test
    void tasks_documents_and_risks_have_names_unique_under_their_parent_per_kind() {
        catalogue.given(tree());
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(UUID.randomUUID(), ACTIVITY, "intocmirea notei JUSTIFICATIVE", null, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "under 'Achiziții directe'"));
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(UUID.randomUUID(), TASK, "Nota justificativa", null, Periodicity.MONTHLY, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Favorizarea unui ofertant", null, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        // a risk may share a task's name: the kinds are separate lists
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Întocmirea notei justificative", null, MEMBER, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_task_may_come_with_a_description_and_a_document_with_its_content() {
        catalogue.given(tree());
        UUID task = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", "  Înainte de angajare ", MEMBER, false))
                .expectEvents(new TaskProposed(task, ACTIVITY, "Verificarea bugetului", PROPOSER, CLUJ),
                        new ProposalDescribed(task, ItemKind.TASK, "Înainte de angajare"))
                .expectResultMessagePayload(2L);
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", "   ", MEMBER, false))
                .expectEvents(new TaskProposed(task, ACTIVITY, "Verificarea bugetului", PROPOSER, CLUJ))
                .expectResultMessagePayload(1L);
        UUID document = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(document, TASK, "Referat", "Suma și temeiul legal", Periodicity.PER_CASE,
                        ADMIN, true))
                .expectEvents(new DocumentProposed(document, TASK, "Referat", Periodicity.PER_CASE, ADMIN.userId(),
                                ADMIN.orgUnitId()),
                        new ProposalDescribed(document, ItemKind.DOCUMENT, "Suma și temeiul legal"),
                        new ProposalAccepted(document, ItemKind.DOCUMENT, 2, ADMIN.userId()))
                .expectResultMessagePayload(3L);
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(document, TASK, "Referat", "x".repeat(4001), Periodicity.PER_CASE, MEMBER, false))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "content", "TOO_LONG"));
        fixture().givenNoPriorActivity()
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", "x".repeat(4001), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "description", "TOO_LONG"));
    }

    @Test
    void a_described_proposal_sent_again_returns_the_first_result_and_other_text_is_a_conflict() {
        catalogue.given(tree());
        UUID task = UUID.randomUUID();
        TaskProposed proposed = new TaskProposed(task, ACTIVITY, "Verificarea bugetului", PROPOSER, CLUJ);
        ProposalDescribed described = new ProposalDescribed(task, ItemKind.TASK, "Înainte de angajare");
        fixture().given(proposed, described)
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", " Înainte de angajare ", MEMBER, false))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture().given(proposed, described)
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", null, MEMBER, false))
                .expectException(rejected(Reason.CONFLICT, "taskId", "DUPLICATE_ID"));
        fixture().given(proposed)
                .when(new ProposeTask(task, ACTIVITY, "Verificarea bugetului", "Altă descriere", MEMBER, false))
                .expectException(rejected(Reason.CONFLICT, "taskId", "DUPLICATE_ID"));
        UUID document = UUID.randomUUID();
        fixture().given(new DocumentProposed(document, TASK, "Referat", Periodicity.PER_CASE, ADMIN.userId(), ADMIN.orgUnitId()),
                        new ProposalDescribed(document, ItemKind.DOCUMENT, "Suma"),
                        new ProposalAccepted(document, ItemKind.DOCUMENT, 2, ADMIN.userId()))
                .when(new ProposeDocument(document, TASK, "Referat", "Suma", Periodicity.PER_CASE, ADMIN, true))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_tasks_description_and_a_documents_content_are_revised_accepted_with_changes_and_corrected() {
        catalogue.given(tree());
        TaskProposed task = new TaskProposed(TASK, ACTIVITY, "Întocmirea notei", PROPOSER, CLUJ);
        ProposalDescribed described = new ProposalDescribed(TASK, ItemKind.TASK, "Prima descriere");
        fixture().given(task)
                .when(new ReviseProposal(TASK, null, " Descriere ", null, null, 1, MEMBER))
                .expectEvents(new ProposalRevised(TASK, ItemKind.TASK, "Întocmirea notei", "Descriere", List.of(), null, false))
                .expectResultMessagePayload(2L);
        fixture().given(task, described)
                .when(new ReviseProposal(TASK, null, "", null, null, 2, MEMBER))
                .expectEvents(new ProposalRevised(TASK, ItemKind.TASK, "Întocmirea notei", null, List.of(), null, false));
        fixture().given(task, described)
                .when(new ReviseProposal(TASK, null, "Prima descriere", null, null, 2, MEMBER))
                .expectException(rejected(Reason.INVALID, "itemId", "NO_CHANGE"));
        fixture().given(task, described)
                .when(new AcceptProposalWithChanges(TASK, 2, null, "A doua descriere", null, null))
                .expectEvents(new ProposalRevised(TASK, ItemKind.TASK, "Întocmirea notei", "A doua descriere", List.of(), null, true),
                        new ProposalAccepted(TASK, ItemKind.TASK, 2, PROPOSER));
        DocumentProposed document = new DocumentProposed(DOCUMENT, TASK, "Referat", Periodicity.MONTHLY, PROPOSER, CLUJ);
        fixture().given(document, new ProposalDescribed(DOCUMENT, ItemKind.DOCUMENT, "Suma"),
                        new ProposalAccepted(DOCUMENT, ItemKind.DOCUMENT, 2, PROPOSER))
                .when(new CorrectApprovedItem(DOCUMENT, null, "Suma și temeiul", null, null, 3))
                .expectEvents(new ApprovedItemCorrected(DOCUMENT, ItemKind.DOCUMENT, "Referat", "Suma și temeiul", List.of(),
                        Periodicity.MONTHLY, "Referat", PROPOSER))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_document_needs_a_periodicity_and_a_risk_description_is_bounded() {
        catalogue.given(tree());
        fixture().givenNoPriorActivity()
                .when(new ProposeDocument(UUID.randomUUID(), TASK, "Referat", null, null, MEMBER, false))
                .expectException(rejected(Reason.INVALID, "periodicity", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Risc", "x".repeat(4001), MEMBER, false))
                .expectException(rejected(Reason.INVALID, "description", "TOO_LONG"));
    }

    // ---------------------------------------------------------------- revisions

    @Test
    void revising_a_proposal_reports_all_its_fields_and_bumps_the_version() {
        catalogue.given(domains());
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, null, "Sub prag", List.of(WU1), null, 1, MEMBER))
                .expectEvents(new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "Sub prag",
                        List.of(WU1), null, false))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_revision_checks_the_version_and_must_change_something() {
        catalogue.given(domains());
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, "Achiziții", null, null, null, 2, MEMBER))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, " Achiziții directe ", null, List.of(WU1, WU2), null, 1, MEMBER))
                .expectException(rejected(Reason.INVALID, "itemId", "NO_CHANGE"));
    }

    @Test
    void only_its_proposer_revises_a_proposal_and_only_under_work_units_they_hold() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, "X", null, null, null, 1, OTHER_MEMBER))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "itemId", "NOT_PROPOSER"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, "X", null, null, null, 1, ADMIN))
                .expectException(rejected(Reason.FORBIDDEN, "itemId", "NOT_PROPOSER"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new ReviseProposal(ACTIVITY, null, null, List.of(WU_ELSEWHERE), null, 1, MEMBER))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD"));
    }

    @Test
    void a_revision_names_only_the_fields_its_kind_has_and_keeps_names_unique() {
        catalogue.given(tree());
        TaskProposed task = new TaskProposed(TASK, ACTIVITY, "Întocmirea notei justificative", PROPOSER, CLUJ);
        fixture().given(task)
                .when(new ReviseProposal(TASK, null, null, List.of(WU1), null, 1, MEMBER))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "NOT_APPLICABLE"));
        fixture().given(task)
                .when(new ReviseProposal(TASK, null, null, null, Periodicity.ANNUAL, 1, MEMBER))
                .expectException(rejected(Reason.INVALID, "periodicity", "NOT_APPLICABLE"));
        UUID sibling = UUID.randomUUID();
        catalogue.given(new TaskProposed(sibling, ACTIVITY, "Aprobarea notei", PROPOSER, CLUJ));
        fixture().given(task)
                .when(new ReviseProposal(TASK, "aprobarea NOTEI", null, null, null, 1, MEMBER))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "under 'Achiziții directe'"));
        fixture().given(new DocumentProposed(DOCUMENT, TASK, "Nota justificativă", Periodicity.MONTHLY, PROPOSER, CLUJ))
                .when(new ReviseProposal(DOCUMENT, null, null, null, Periodicity.ANNUAL, 1, MEMBER))
                .expectEvents(new ProposalRevised(DOCUMENT, ItemKind.DOCUMENT, "Nota justificativă", null, List.of(),
                        Periodicity.ANNUAL, false));
    }

    @Test
    void a_decided_proposal_can_no_longer_be_revised() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER))
                .when(new ReviseProposal(ACTIVITY, "X", null, null, null, 2, MEMBER))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_PROPOSED", "was already accepted"));
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void proposed_to_edited_and_accepted_in_one_step() {
        catalogue.given(domains());
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, "Achiziții directe de bunuri", null, null, null))
                .expectEvents(new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe de bunuri", null,
                                List.of(WU1, WU2), null, true),
                        new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER))
                .expectResultMessagePayload(3L);
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, "Achiziții directe", null, null, null))
                .expectEvents(new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void proposed_to_rejected_needs_a_reason() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new RejectProposal(ACTIVITY, 1, " "))
                .expectException(rejected(Reason.INVALID, "reason", "REQUIRED"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new RejectProposal(ACTIVITY, 1, " Duplicat "))
                .expectEvents(new ProposalRejected(ACTIVITY, ItemKind.ACTIVITY, "Duplicat", 1, PROPOSER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void deciding_twice_is_a_conflict_naming_the_earlier_decision() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalRejected(ACTIVITY, ItemKind.ACTIVITY, "Nu", 1, PROPOSER))
                .when(new AcceptProposal(ACTIVITY, 2))
                .expectException(rejected(Reason.CONFLICT, "itemId", "ALREADY_DECIDED", "was already rejected"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER),
                        new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY))
                .when(new RejectProposal(ACTIVITY, 3, "Nu"))
                .expectException(rejected(Reason.CONFLICT, "itemId", "ALREADY_DECIDED", "has since been deactivated"));
    }

    @Test
    void a_decision_prepared_before_a_revision_is_stale() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"),
                        new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "Sub prag", List.of(WU1), null, false))
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectNoEvents()
                .expectException(rejected(Reason.CONFLICT, "decidedVersion", "STALE_DECISION", "the current version is 2"));
    }

    @Test
    void deciding_under_a_retired_parent_accepts_nothing_but_may_reject() {
        catalogue.given(tree()).given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        RiskProposed risk = new RiskProposed(RISK, ACTIVITY, "Favorizarea unui ofertant", "Cerințe restrictive", PROPOSER, CLUJ);
        fixture().given(risk)
                .when(new AcceptProposal(RISK, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE"));
        fixture().given(new DocumentProposed(DOCUMENT, TASK, "Nota justificativă", Periodicity.MONTHLY, PROPOSER, CLUJ))
                .when(new AcceptProposalWithChanges(DOCUMENT, 1, "Nota", null, null, null))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE", "Activity 'Achiziții directe'"));
        fixture().given(risk)
                .when(new RejectProposal(RISK, 1, "Activitatea nu mai există"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void only_an_approved_item_is_deactivated_at_its_current_version() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new DeactivateItem(ACTIVITY, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED", "reject it instead"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER))
                .when(new DeactivateItem(ACTIVITY, 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER))
                .when(new DeactivateItem(ACTIVITY, 2))
                .expectEvents(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY))
                .expectResultMessagePayload(3L);
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER),
                        new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY))
                .when(new DeactivateItem(ACTIVITY, 3))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED", "already deactivated"));
    }

    @Test
    void versions_count_per_item_through_a_whole_workflow() {
        catalogue.given(domains());
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"),
                        new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "a", List.of(WU1), null, false),
                        new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "b", List.of(WU1), null, false))
                .when(new AcceptProposalWithChanges(ACTIVITY, 3, null, "c", null, null))
                .expectResultMessagePayload(5L);
    }

    // ---------------------------------------------------------------- corrections (UCA 8, 14)

    @Test
    void a_central_administrator_corrects_an_approved_entry_in_its_history() {
        catalogue.given(tree());
        ActivityProposed proposed = activityProposed(ACTIVITY, "Achiziții directe");
        ProposalAccepted accepted = new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER);
        fixture().given(proposed, accepted)
                .when(new CorrectApprovedItem(ACTIVITY, " Achiziții  directe de bunuri ", "Sub prag", List.of(WU2), null, 2))
                .expectEvents(new ApprovedItemCorrected(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe de bunuri",
                        "Sub prag", List.of(WU2), null, "Achiziții directe", PROPOSER))
                .expectResultMessagePayload(3L);
        fixture().given(proposed, accepted)
                .when(new CorrectApprovedItem(ACTIVITY, "X", null, null, null, 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(proposed, accepted)
                .when(new CorrectApprovedItem(ACTIVITY, "Achiziții directe", null, List.of(WU1, WU2), null, 2))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "itemId", "NO_CHANGE"));
        UUID other = UUID.randomUUID();
        catalogue.given(activityProposed(other, "Achiziții de servicii"));
        fixture().given(proposed, accepted)
                .when(new CorrectApprovedItem(ACTIVITY, "achizitii de SERVICII", null, null, null, 2))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture().given(new DocumentProposed(DOCUMENT, TASK, "Nota justificativă", Periodicity.MONTHLY, PROPOSER, CLUJ),
                        new ProposalAccepted(DOCUMENT, ItemKind.DOCUMENT, 1, PROPOSER))
                .when(new CorrectApprovedItem(DOCUMENT, null, null, List.of(WU1), null, 2))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "NOT_APPLICABLE"));
    }

    @Test
    void only_an_approved_entry_is_corrected() {
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new CorrectApprovedItem(ACTIVITY, "X", null, null, null, 1))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED", "is proposed"));
        fixture().given(activityProposed(ACTIVITY, "Achiziții directe"), new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER),
                        new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY))
                .when(new CorrectApprovedItem(ACTIVITY, "X", null, null, null, 3))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED", "is inactive"));
        fixture().givenNoPriorActivity()
                .when(new CorrectApprovedItem(ACTIVITY, "X", null, null, null, 1))
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"));
    }


    // ---------------------------------------------------------------- the structure's active plan decides

    /** Accounts of Cluj (their ids are account UUIDs, as the API sends them). */
    private static final UUID PLANNED_ID = UUID.randomUUID();
    private static final UUID COUNSELLOR_ID = UUID.randomUUID();
    private static final UUID UNPLANNED_ID = UUID.randomUUID();
    private static final Actor PLANNED = Actor.member(PLANNED_ID.toString(), CLUJ);
    private static final Actor A103_COUNSELLOR = Actor.member(COUNSELLOR_ID.toString(), CLUJ);
    private static final Actor UNPLANNED = Actor.member(UNPLANNED_ID.toString(), CLUJ);

    /** Cluj's active plan: PLANNED responsible for WU2 only, the counsellor following the member workflow (A103). */
    private void clujPlan() {
        plans.active(UUID.randomUUID(), CLUJ, new PlanMember(PLANNED_ID, List.of(WU2), true, false),
                new PlanMember(COUNSELLOR_ID, List.of(), false, true));
    }

    @Test
    void with_an_active_plan_a_member_proposes_only_under_the_work_units_it_assigns_them() {
        catalogue.given(domains());
        clujPlan();
        // WU1 is held by Cluj, but the plan does not assign it to them
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU2, WU1), List.of(), PLANNED, false))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_ASSIGNED", WU1.toString()));
        // a work unit the structure does not hold stays WORK_UNIT_NOT_HELD
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU_ELSEWHERE), List.of(), PLANNED, false))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD"));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU2), List.of(), PLANNED, false))
                .expectEvents(new ActivityProposed(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU2), List.of(),
                        PLANNED_ID.toString(), CLUJ));
        // someone the plan does not name has no work units under it
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU2), List.of(), UNPLANNED, false))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_ASSIGNED"));
    }

    @Test
    void with_an_active_plan_an_a103_counsellor_uses_every_work_unit_of_the_structure() {
        catalogue.given(domains());
        clujPlan();
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU1, WU2), List.of(),
                        A103_COUNSELLOR, false))
                .expectSuccessfulHandlerExecution();
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU_ELSEWHERE), List.of(),
                        A103_COUNSELLOR, false))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_HELD"));
    }

    @Test
    void with_an_active_plan_a_parent_must_share_a_work_unit_assigned_to_them() {
        catalogue.given(tree());
        UUID wu1Only = UUID.randomUUID();
        catalogue.given(new ActivityProposed(wu1Only, "Activitate WU1", null, PROCUREMENT, List.of(WU1), List.of(),
                ADMIN.userId(), ADMIN.orgUnitId()), new ProposalAccepted(wu1Only, ItemKind.ACTIVITY, 1, ADMIN.userId()));
        clujPlan();
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), wu1Only, "Risc", null, PLANNED, false))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "activityId", "NO_SHARED_WORK_UNIT", "assigned to you"));
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Risc", null, PLANNED, false))
                .expectSuccessfulHandlerExecution(); // ACTIVITY is under WU1 and WU2
        fixture().givenNoPriorActivity()
                .when(new ProposeRisk(UUID.randomUUID(), wu1Only, "Risc", null, A103_COUNSELLOR, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void without_an_active_plan_and_for_administrators_the_structures_work_units_decide_as_before() {
        catalogue.given(domains());
        // a draft or a closed plan decides nothing
        UUID closed = UUID.randomUUID();
        plans.active(closed, CLUJ, new PlanMember(PLANNED_ID, List.of(WU2), true, false))
                .given(new ro.marc.events.plan.event.PlanClosed(closed, CLUJ));
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU1), List.of(), PLANNED, false))
                .expectSuccessfulHandlerExecution();
        clujPlan();
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU1), List.of(),
                        Actor.territorialAdministrator("at-cluj", CLUJ, Set.of(County.CJ)), false))
                .expectSuccessfulHandlerExecution();
        fixture().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU1, WU_ELSEWHERE), List.of(),
                        ADMIN, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void with_an_active_plan_a_revision_stays_under_the_work_units_it_assigns() {
        clujPlan();
        fixture().given(new ActivityProposed(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU2), List.of(),
                        PLANNED_ID.toString(), CLUJ))
                .when(new ReviseProposal(ACTIVITY, null, null, List.of(WU1), null, 1, PLANNED))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "workUnitIds", "WORK_UNIT_NOT_ASSIGNED"));
    }
}
