package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;

import java.time.Year;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

class NomenclatureTest {

    private static final UUID PROCUREMENT = UUID.randomUUID();
    private static final UUID HR = UUID.randomUUID();
    private static final UUID RECRUITMENT = UUID.randomUUID();
    private static final UUID WU1 = UUID.randomUUID();
    private static final UUID WU2 = UUID.randomUUID();
    private static final UUID ORG = UUID.randomUUID();
    private static final String PROPOSER = "user-1";
    private static final UUID ACTIVITY = UUID.randomUUID();
    private static final UUID TASK = UUID.randomUUID();
    private static final UUID DOCUMENT = UUID.randomUUID();
    private static final UUID RISK = UUID.randomUUID();
    private static final UUID ISSUER = UUID.randomUUID();
    private static final UUID ACT_TYPE = UUID.randomUUID();
    private static final UUID ACT_STATUS = UUID.randomUUID();
    private static final UUID CAUSE = UUID.randomUUID();

    private FixtureConfiguration<Nomenclature> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nomenclature.class);
        fixture.registerCommandTargetResolver(new NomenclatureTargetResolver());
    }

    // ---------------------------------------------------------------- givens

    /** PROCUREMENT (no subdomains), HR with subdomain RECRUITMENT; all at version 1. */
    private static Object[] domains() {
        return new Object[]{
                new DefineDomain(PROCUREMENT, null, "Achiziții publice"),
                new DefineDomain(HR, null, "Resurse umane"),
                new DefineDomain(RECRUITMENT, HR, "Recrutare")};
    }

    private static ProposeActivity activity(UUID id, String name, UUID domainId, boolean approvedAtOnce) {
        return new ProposeActivity(id, name, null, domainId, List.of(WU1, WU2), List.of(), PROPOSER, ORG, approvedAtOnce);
    }

    private static ProposeTask task(UUID id, UUID activityId, String name) {
        return new ProposeTask(id, activityId, name, PROPOSER, ORG, false);
    }

    private static ProposeDocument document(UUID id, UUID taskId, String name) {
        return new ProposeDocument(id, taskId, name, Periodicity.MONTHLY, PROPOSER, ORG, false);
    }

    /** {@link #domains()} plus ACTIVITY "Achiziții directe" proposed (version 1) in PROCUREMENT. */
    private static Object[] proposedActivity() {
        return concat(domains(), activity(ACTIVITY, "Achiziții directe", PROCUREMENT, false));
    }

    /** {@link #domains()} plus ACTIVITY approved (2), TASK approved (2), DOCUMENT and RISK proposed (1). */
    private static Object[] tree() {
        return concat(domains(),
                activity(ACTIVITY, "Achiziții directe", PROCUREMENT, true),
                new ProposeTask(TASK, ACTIVITY, "Întocmirea notei justificative", PROPOSER, ORG, true),
                document(DOCUMENT, TASK, "Nota justificativă"),
                new ProposeRisk(RISK, ACTIVITY, "Favorizarea unui ofertant", "Cerințe restrictive", PROPOSER, ORG, false));
    }

    /** {@link #tree()} plus the three act lists' entries (version 1 each). */
    private static Object[] treeWithReferences() {
        return concat(tree(),
                new DefineReferenceEntry(ISSUER, ReferenceList.ACT_ISSUER, "Guvernul României"),
                new DefineReferenceEntry(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege"),
                new DefineReferenceEntry(ACT_STATUS, ReferenceList.ACT_STATUS, "În vigoare"));
    }

    private static RegulatoryCauseDetails details() {
        return new RegulatoryCauseDetails(WU1, ACTIVITY, ISSUER, ACT_TYPE, "98", 2016, ACT_STATUS,
                "Legea privind achizițiile publice", "43", null, "Art. 43 alin. (1) ...", "Criterii vagi",
                "Favorizare", "Clarificarea criteriilor", null);
    }

    /** {@link #treeWithReferences()} plus CAUSE (version 1). */
    private static Object[] treeWithCause() {
        return concat(treeWithReferences(), new AddRegulatoryCause(CAUSE, details(), PROPOSER, ORG));
    }

    private static Object[] concat(Object[] base, Object... more) {
        Object[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    // ---------------------------------------------------------------- the stream

    @Test
    void the_first_domain_on_an_empty_stream_creates_the_nomenclature() {
        fixture.givenNoPriorActivity()
                .when(new DefineDomain(PROCUREMENT, null, "  Achiziții   publice "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DomainDefined(PROCUREMENT, null, "Achiziții publice", 1))
                .expectResultMessagePayload(1L);
        fixture.givenNoPriorActivity()
                .when(new DefineReferenceEntry(ISSUER, ReferenceList.ACT_ISSUER, "Parlamentul României"))
                .expectEvents(new ReferenceEntryDefined(ISSUER, ReferenceList.ACT_ISSUER, "Parlamentul României", 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void any_other_command_on_an_empty_stream_is_a_typed_not_found() {
        fixture.givenNoPriorActivity()
                .when(activity(ACTIVITY, "Achiziții directe", PROCUREMENT, false))
                .expectException(rejected(Reason.NOT_FOUND, "domainId", "NOT_FOUND"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectException(rejected(Reason.NOT_FOUND, "itemId", "NOT_FOUND"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DeactivateRegulatoryCause(CAUSE, 1))
                .expectException(rejected(Reason.NOT_FOUND, "causeId", "NOT_FOUND"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- domains

    @Test
    void a_subdomain_has_no_subdomains_and_its_parent_must_exist() {
        fixture.givenCommands(domains())
                .when(new DefineDomain(UUID.randomUUID(), RECRUITMENT, "Concursuri"))
                .expectException(rejected(Reason.INVALID, "parentDomainId", "SUBDOMAIN_DEPTH"))
                .expectNoEvents();
        fixture.givenCommands(domains())
                .when(new DefineDomain(UUID.randomUUID(), UUID.randomUUID(), "Concursuri"))
                .expectException(rejected(Reason.NOT_FOUND, "parentDomainId", "NOT_FOUND"));
        fixture.givenCommands(domains())
                .when(new DefineDomain(PROCUREMENT, null, "Altceva"))
                .expectException(rejected(Reason.INVALID, "domainId", "DUPLICATE_ID"));
    }

    @Test
    void domain_names_are_unique_among_siblings_ignoring_case_diacritics_and_spaces() {
        fixture.givenCommands(domains())
                .when(new DefineDomain(UUID.randomUUID(), null, " achizitii   PUBLICE"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"))
                .expectNoEvents();
        UUID other = UUID.randomUUID();
        fixture.givenCommands(domains())
                .when(new DefineDomain(other, HR, "Achiziții publice"))
                .expectEvents(new DomainDefined(other, HR, "Achiziții publice", 1));
        fixture.givenCommands(domains())
                .when(new DefineDomain(UUID.randomUUID(), HR, "RECRUTARE"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
    }

    @Test
    void renaming_a_domain_checks_the_version_and_the_siblings() {
        fixture.givenCommands(domains())
                .when(new RenameDomain(PROCUREMENT, "Achiziții", 1))
                .expectEvents(new DomainRenamed(PROCUREMENT, "Achiziții", "Achiziții publice", 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(domains())
                .andGivenCommands(new RenameDomain(PROCUREMENT, "Achiziții", 1))
                .when(new RenameDomain(PROCUREMENT, "Achiziții publice", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
        fixture.givenCommands(domains())
                .when(new RenameDomain(PROCUREMENT, "resurse umane", 1))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture.givenCommands(domains())
                .when(new RenameDomain(PROCUREMENT, "achizitii publice", 1))
                .expectEvents(new DomainRenamed(PROCUREMENT, "achizitii publice", "Achiziții publice", 2));
    }

    @Test
    void g02_an_activity_goes_only_to_a_domain_without_subdomains() {
        fixture.givenCommands(domains())
                .when(activity(ACTIVITY, "Recrutare personal", HR, false))
                .expectException(rejected(Reason.INVALID, "domainId", "DOMAIN_HAS_SUBDOMAINS"))
                .expectNoEvents();
        fixture.givenCommands(domains())
                .when(activity(ACTIVITY, "Recrutare personal", RECRUITMENT, false))
                .expectEvents(new ActivityProposed(ACTIVITY, "Recrutare personal", null, RECRUITMENT, List.of(WU1, WU2),
                        List.of(), PROPOSER, ORG, 1));
    }

    @Test
    void g02_a_domain_with_activities_cannot_receive_subdomains_until_they_are_rejected() {
        fixture.givenCommands(proposedActivity())
                .when(new DefineDomain(UUID.randomUUID(), PROCUREMENT, "Achiziții directe"))
                .expectException(rejected(Reason.INVALID, "parentDomainId", "DOMAIN_IN_USE"))
                .expectNoEvents();
        UUID sub = UUID.randomUUID();
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new RejectProposal(ACTIVITY, 1, "Duplicat"))
                .when(new DefineDomain(sub, PROCUREMENT, "Achiziții directe"))
                .expectEvents(new DomainDefined(sub, PROCUREMENT, "Achiziții directe", 1));
    }

    // ---------------------------------------------------------------- proposing

    @Test
    void proposing_an_activity_tidies_the_input_and_returns_version_1() {
        fixture.givenCommands(domains())
                .when(new ProposeActivity(ACTIVITY, "  Achiziții   directe ", "  Cumpărări sub prag  ", PROCUREMENT,
                        List.of(WU1), List.of(new Attachment(" Procedura ", " \\\\srv\\proceduri\\pl-01.pdf ")),
                        " user-1 ", ORG, false))
                .expectEvents(new ActivityProposed(ACTIVITY, "Achiziții directe", "Cumpărări sub prag", PROCUREMENT,
                        List.of(WU1), List.of(new Attachment("Procedura", "\\\\srv\\proceduri\\pl-01.pdf")), PROPOSER, ORG, 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_administrators_own_addition_is_approved_in_the_same_command() {
        fixture.givenCommands(domains())
                .when(activity(ACTIVITY, "Achiziții directe", PROCUREMENT, true))
                .expectEvents(
                        new ActivityProposed(ACTIVITY, "Achiziții directe", null, PROCUREMENT, List.of(WU1, WU2), List.of(),
                                PROPOSER, ORG, 1),
                        new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(proposedActivity())
                .when(new ProposeTask(TASK, ACTIVITY, "Analiza ofertelor", PROPOSER, ORG, true))
                .expectEvents(new TaskProposed(TASK, ACTIVITY, "Analiza ofertelor", PROPOSER, ORG, 1),
                        new ProposalAccepted(TASK, ItemKind.TASK, 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void activity_names_are_unique_ignoring_diacritics_until_the_other_is_rejected() {
        fixture.givenCommands(proposedActivity())
                .when(activity(UUID.randomUUID(), "achizitii  DIRECTE", RECRUITMENT, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"))
                .expectNoEvents();
        UUID again = UUID.randomUUID();
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new RejectProposal(ACTIVITY, 1, "Prea vag"))
                .when(activity(again, "achizitii directe", PROCUREMENT, false))
                .expectEvents(new ActivityProposed(again, "achizitii directe", null, PROCUREMENT, List.of(WU1, WU2),
                        List.of(), PROPOSER, ORG, 1));
        fixture.givenCommands(proposedActivity())
                .when(activity(ACTIVITY, "Altă activitate", PROCUREMENT, false))
                .expectException(rejected(Reason.INVALID, "activityId", "DUPLICATE_ID"));
    }

    @Test
    void activity_input_is_validated_field_by_field() {
        UUID id = UUID.randomUUID();
        fixture.givenCommands(domains())
                .when(activity(id, "   ", PROCUREMENT, false))
                .expectException(rejected(Reason.INVALID, "name", "REQUIRED")).expectNoEvents();
        fixture.givenCommands(domains())
                .when(activity(id, "a".repeat(201), PROCUREMENT, false))
                .expectException(rejected(Reason.INVALID, "name", "TOO_LONG"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", "d".repeat(4001), PROCUREMENT, List.of(WU1), List.of(), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "description", "TOO_LONG"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(), List.of(), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "REQUIRED"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, null, List.of(), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "REQUIRED"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1, WU1), List.of(), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "DUPLICATE_WORK_UNIT"));
        List<Attachment> many = Collections.nCopies(21, new Attachment("a", "b"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1), many, PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "attachments", "TOO_MANY"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1), List.of(new Attachment("a", " ")),
                        PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "attachments", "REQUIRED"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1),
                        List.of(new Attachment("a", "r".repeat(1001))), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "attachments", "TOO_LONG"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1), List.of(), " ", ORG, false))
                .expectException(rejected(Reason.INVALID, "proposerUserId", "REQUIRED"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, PROCUREMENT, List.of(WU1), List.of(), PROPOSER, null, false))
                .expectException(rejected(Reason.INVALID, "proposerOrgUnitId", "REQUIRED"));
        fixture.givenCommands(domains())
                .when(new ProposeActivity(id, "X", null, null, List.of(WU1), List.of(), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "domainId", "REQUIRED"));
    }

    @Test
    void a_proposal_is_usable_before_approval_a_task_under_a_proposed_activity_is_proposed_and_accepted() {
        fixture.givenCommands(proposedActivity())
                .when(task(TASK, ACTIVITY, "Analiza ofertelor"))
                .expectEvents(new TaskProposed(TASK, ACTIVITY, "Analiza ofertelor", PROPOSER, ORG, 1))
                .expectResultMessagePayload(1L);
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(task(TASK, ACTIVITY, "Analiza ofertelor"))
                .when(new AcceptProposal(TASK, 1))
                .expectEvents(new ProposalAccepted(TASK, ItemKind.TASK, 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void nothing_is_proposed_under_a_rejected_or_inactive_or_unknown_parent() {
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new RejectProposal(ACTIVITY, 1, "Nu e o activitate vulnerabilă"))
                .when(task(TASK, ACTIVITY, "Analiza ofertelor"))
                .expectException(rejected(Reason.INVALID, "activityId", "PARENT_NOT_LIVE"))
                .expectNoEvents();
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Alt risc", null, PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "activityId", "PARENT_NOT_LIVE"));
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(TASK, 2))
                .when(document(UUID.randomUUID(), TASK, "Alt document"))
                .expectException(rejected(Reason.INVALID, "taskId", "PARENT_NOT_LIVE"));
        fixture.givenCommands(tree())
                .when(task(UUID.randomUUID(), UUID.randomUUID(), "Orfan"))
                .expectException(rejected(Reason.NOT_FOUND, "activityId", "NOT_FOUND"));
        fixture.givenCommands(tree())
                .when(task(UUID.randomUUID(), TASK, "Sub o sarcină"))
                .expectException(rejected(Reason.NOT_FOUND, "activityId", "NOT_FOUND"));
    }

    @Test
    void tasks_documents_and_risks_have_names_unique_under_their_parent() {
        fixture.givenCommands(tree())
                .when(task(UUID.randomUUID(), ACTIVITY, "intocmirea notei  justificative"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME")).expectNoEvents();
        fixture.givenCommands(tree())
                .when(document(UUID.randomUUID(), TASK, "NOTA JUSTIFICATIVA"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture.givenCommands(tree())
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "favorizarea unui ofertant", null, PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        UUID risk = UUID.randomUUID();
        fixture.givenCommands(tree())
                .when(new ProposeRisk(risk, ACTIVITY, "Întocmirea notei justificative", null, PROPOSER, ORG, false))
                .expectEvents(new RiskProposed(risk, ACTIVITY, "Întocmirea notei justificative", null, PROPOSER, ORG, 1));
    }

    @Test
    void a_document_needs_a_periodicity_and_a_risk_description_is_bounded() {
        fixture.givenCommands(tree())
                .when(new ProposeDocument(UUID.randomUUID(), TASK, "Raport", null, PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "periodicity", "REQUIRED")).expectNoEvents();
        fixture.givenCommands(tree())
                .when(new ProposeRisk(UUID.randomUUID(), ACTIVITY, "Alt risc", "x".repeat(4001), PROPOSER, ORG, false))
                .expectException(rejected(Reason.INVALID, "description", "TOO_LONG"));
        UUID doc = UUID.randomUUID();
        fixture.givenCommands(tree())
                .when(new ProposeDocument(doc, TASK, "Raport", Periodicity.QUARTERLY, PROPOSER, ORG, false))
                .expectEvents(new DocumentProposed(doc, TASK, "Raport", Periodicity.QUARTERLY, PROPOSER, ORG, 1));
    }

    // ---------------------------------------------------------------- revising

    @Test
    void revising_a_proposal_reports_all_its_fields_and_bumps_the_version() {
        fixture.givenCommands(proposedActivity())
                .when(new ReviseProposal(ACTIVITY, null, "Sub pragul legal", List.of(WU2), null, 1))
                .expectEvents(new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe", "Sub pragul legal",
                        List.of(WU2), null, false, 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(tree())
                .when(new ReviseProposal(DOCUMENT, "Notă justificativă", null, null, Periodicity.PER_CASE, 1))
                .expectEvents(new ProposalRevised(DOCUMENT, ItemKind.DOCUMENT, "Notă justificativă", null, List.of(),
                        Periodicity.PER_CASE, false, 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_revision_checks_the_version_and_must_change_something() {
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new ReviseProposal(ACTIVITY, null, "Altă descriere", null, null, 1))
                .when(new ReviseProposal(ACTIVITY, null, "A treia descriere", null, null, 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION")).expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .when(new ReviseProposal(ACTIVITY, null, null, null, null, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "NO_CHANGE")).expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .when(new ReviseProposal(ACTIVITY, " Achiziții  directe ", null, List.of(WU1, WU2), null, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "NO_CHANGE"));
    }

    @Test
    void a_revision_names_only_the_fields_its_kind_has_and_keeps_names_unique() {
        fixture.givenCommands(tree())
                .when(new ReviseProposal(RISK, null, null, List.of(WU1), null, 1))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "NOT_APPLICABLE")).expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .when(new ReviseProposal(ACTIVITY, null, null, null, Periodicity.ANNUAL, 1))
                .expectException(rejected(Reason.INVALID, "periodicity", "NOT_APPLICABLE"));
        fixture.givenCommands(proposedActivity())
                .when(new ReviseProposal(ACTIVITY, null, null, List.of(), null, 1))
                .expectException(rejected(Reason.INVALID, "workUnitIds", "REQUIRED"));
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(activity(UUID.randomUUID(), "Recrutare", RECRUITMENT, false))
                .when(new ReviseProposal(ACTIVITY, "RECRUTARE", null, null, null, 1))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture.givenCommands(tree())
                .when(new ReviseProposal(RISK, "Favorizarea ofertanților", null, List.of(), null, 1))
                .expectEvents(new ProposalRevised(RISK, ItemKind.RISK, "Favorizarea ofertanților", "Cerințe restrictive",
                        List.of(), null, false, 2));
    }

    @Test
    void a_decided_proposal_can_no_longer_be_revised() {
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new AcceptProposal(ACTIVITY, 1))
                .when(new ReviseProposal(ACTIVITY, "Alt nume", null, null, null, 2))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_PROPOSED")).expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new RejectProposal(ACTIVITY, 1, "Nu"))
                .when(new ReviseProposal(ACTIVITY, "Alt nume", null, null, null, 2))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_PROPOSED"));
    }

    // ---------------------------------------------------------------- deciding

    @Test
    void proposed_to_accepted() {
        fixture.givenCommands(proposedActivity())
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectEvents(new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void proposed_to_edited_and_accepted() {
        fixture.givenCommands(proposedActivity())
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, "Achiziții directe online", "Prin SEAP", null, null))
                .expectEvents(
                        new ProposalRevised(ACTIVITY, ItemKind.ACTIVITY, "Achiziții directe online", "Prin SEAP",
                                List.of(WU1, WU2), null, true, 2),
                        new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void edit_and_accept_without_changes_only_accepts() {
        fixture.givenCommands(proposedActivity())
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, "Achiziții directe", null, null, null))
                .expectEvents(new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void proposed_to_rejected_needs_a_reason() {
        fixture.givenCommands(proposedActivity())
                .when(new RejectProposal(ACTIVITY, 1, "  Există deja sub alt nume  "))
                .expectEvents(new ProposalRejected(ACTIVITY, ItemKind.ACTIVITY, "Există deja sub alt nume", 1, PROPOSER, 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(proposedActivity())
                .when(new RejectProposal(ACTIVITY, 1, "  "))
                .expectException(rejected(Reason.INVALID, "reason", "REQUIRED")).expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .when(new RejectProposal(ACTIVITY, 1, "r".repeat(1001)))
                .expectException(rejected(Reason.INVALID, "reason", "TOO_LONG"));
    }

    @Test
    void approving_twice_is_a_conflict_naming_the_earlier_decision() {
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new AcceptProposal(ACTIVITY, 1))
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectException(rejected(Reason.CONFLICT, "itemId", "ALREADY_DECIDED", "accepted"))
                .expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new RejectProposal(ACTIVITY, 1, "Nu"))
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, "Alt nume", null, null, null))
                .expectException(rejected(Reason.CONFLICT, "itemId", "ALREADY_DECIDED", "rejected"))
                .expectNoEvents();
        fixture.givenCommands(proposedActivity())
                .andGivenCommands(new AcceptProposal(ACTIVITY, 1))
                .when(new RejectProposal(ACTIVITY, 2, "M-am răzgândit"))
                .expectException(rejected(Reason.CONFLICT, "itemId", "ALREADY_DECIDED", "accepted"));
    }

    @Test
    void a_decision_prepared_before_a_revision_is_stale() {
        Matcher<CommandRejected> stale = new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == Reason.CONFLICT && item.field().equals("decidedVersion")
                        && item.code().equals("STALE_DECISION")
                        && item.details().equals(Map.of("decidedVersion", 1L, "currentVersion", 2L));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("STALE_DECISION decided 1, current 2");
            }
        };
        Object[] revised = concat(proposedActivity(), new ReviseProposal(ACTIVITY, "Achiziții directe sub prag", null, null, null, 1));
        fixture.givenCommands(revised)
                .when(new AcceptProposal(ACTIVITY, 1))
                .expectException(stale).expectNoEvents();
        fixture.givenCommands(revised)
                .when(new AcceptProposalWithChanges(ACTIVITY, 1, null, "Altfel", null, null))
                .expectException(stale).expectNoEvents();
        fixture.givenCommands(revised)
                .when(new RejectProposal(ACTIVITY, 1, "Nu"))
                .expectException(stale).expectNoEvents();
        fixture.givenCommands(revised)
                .when(new AcceptProposal(ACTIVITY, 2))
                .expectEvents(new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 2, PROPOSER, 3));
    }

    @Test
    void deciding_on_a_retired_parent_accepts_nothing_but_may_reject() {
        Object[] deadActivity = concat(proposedActivity(), task(TASK, ACTIVITY, "Analiza ofertelor"),
                new ProposeRisk(RISK, ACTIVITY, "Favorizare", null, PROPOSER, ORG, false),
                new RejectProposal(ACTIVITY, 1, "Nu e vulnerabilă"));
        fixture.givenCommands(deadActivity)
                .when(new AcceptProposal(TASK, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE")).expectNoEvents();
        fixture.givenCommands(deadActivity)
                .when(new AcceptProposalWithChanges(RISK, 1, "Alt risc", null, null, null))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE")).expectNoEvents();
        fixture.givenCommands(deadActivity)
                .when(new RejectProposal(TASK, 1, "Activitatea a fost respinsă"))
                .expectEvents(new ProposalRejected(TASK, ItemKind.TASK, "Activitatea a fost respinsă", 1, PROPOSER, 2));
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(TASK, 2))
                .when(new AcceptProposal(DOCUMENT, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE"));
        // the whole chain counts: a document under a live task of a deactivated activity
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(new AcceptProposal(DOCUMENT, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "PARENT_NOT_LIVE"));
    }

    // ---------------------------------------------------------------- deactivating

    @Test
    void approved_to_inactive_leaves_the_children_as_they_are() {
        fixture.givenCommands(tree())
                .when(new DeactivateItem(ACTIVITY, 2))
                .expectEvents(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY, 3))
                .expectResultMessagePayload(3L);
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(new DeactivateItem(TASK, 2))
                .expectEvents(new ItemDeactivated(TASK, ItemKind.TASK, 3));
        // an inactive activity keeps its name taken
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(activity(UUID.randomUUID(), "Achizitii directe", PROCUREMENT, false))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
    }

    @Test
    void only_an_approved_item_is_deactivated_at_its_current_version() {
        fixture.givenCommands(tree())
                .when(new DeactivateItem(RISK, 1))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED")).expectNoEvents();
        fixture.givenCommands(tree())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(new DeactivateItem(ACTIVITY, 3))
                .expectException(rejected(Reason.INVALID, "itemId", "NOT_APPROVED"));
        fixture.givenCommands(tree())
                .when(new DeactivateItem(ACTIVITY, 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    // ---------------------------------------------------------------- reference lists

    @Test
    void reference_entries_are_unique_within_their_list_ignoring_diacritics() {
        fixture.givenCommands(treeWithReferences())
                .when(new DefineReferenceEntry(UUID.randomUUID(), ReferenceList.ACT_ISSUER, "guvernul romaniei"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME")).expectNoEvents();
        UUID entry = UUID.randomUUID();
        fixture.givenCommands(treeWithReferences())
                .when(new DefineReferenceEntry(entry, ReferenceList.EXTERNAL_PARTNER, "Guvernul României"))
                .expectEvents(new ReferenceEntryDefined(entry, ReferenceList.EXTERNAL_PARTNER, "Guvernul României", 1));
        fixture.givenCommands(treeWithReferences())
                .when(new DefineReferenceEntry(UUID.randomUUID(), null, "Ceva"))
                .expectException(rejected(Reason.INVALID, "list", "REQUIRED"));
    }

    @Test
    void reference_entries_are_renamed_and_deactivated_once() {
        fixture.givenCommands(treeWithReferences())
                .when(new RenameReferenceEntry(ACT_TYPE, "Lege organică", 1))
                .expectEvents(new ReferenceEntryRenamed(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege organică", "Lege", 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(treeWithReferences())
                .when(new DeactivateReferenceEntry(ACT_STATUS, 1))
                .expectEvents(new ReferenceEntryDeactivated(ACT_STATUS, ReferenceList.ACT_STATUS, 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(treeWithReferences())
                .andGivenCommands(new DeactivateReferenceEntry(ACT_STATUS, 1))
                .when(new DeactivateReferenceEntry(ACT_STATUS, 2))
                .expectException(rejected(Reason.INVALID, "entryId", "ALREADY_INACTIVE")).expectNoEvents();
        fixture.givenCommands(treeWithReferences())
                .andGivenCommands(new RenameReferenceEntry(ACT_TYPE, "Lege organică", 1))
                .when(new RenameReferenceEntry(ACT_TYPE, "Ordonanță", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    // ---------------------------------------------------------------- regulatory causes

    @Test
    void adding_a_regulatory_cause_tidies_its_details_and_returns_version_1() {
        RegulatoryCauseDetails untidy = new RegulatoryCauseDetails(WU1, ACTIVITY, ISSUER, ACT_TYPE, " 98 ", 2016,
                ACT_STATUS, " Legea privind achizițiile publice ", "43", "  ", "Art. 43 alin. (1) ...", "Criterii vagi",
                "Favorizare", "Clarificarea criteriilor", "");
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, untidy, PROPOSER, ORG))
                .expectEvents(new RegulatoryCauseAdded(CAUSE, details(), PROPOSER, ORG, 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_normative_act_number_with_letters_is_refused_where_digits_are_required() {
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withActNumber("98A"), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "DIGITS_ONLY")).expectNoEvents();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withActNumber("12345678901"), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "TOO_LONG"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withActNumber(" "), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "REQUIRED"));
        RegulatoryCauseDetails d = details();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), "43^1",
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(),
                        d.recommendations(), d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.articleNumber", "DIGITS_ONLY"));
    }

    @Test
    void the_year_in_force_is_plausible() {
        int next = Year.now().getValue() + 1;
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withYear(1863), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.yearInForce", "OUT_OF_RANGE")).expectNoEvents();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withYear(next + 1), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.yearInForce", "OUT_OF_RANGE"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, withYear(1864), PROPOSER, ORG))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_cause_texts_are_required_and_bounded() {
        RegulatoryCauseDetails d = details();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), "  ", d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.extract", "REQUIRED")).expectNoEvents();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), "r".repeat(4001),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.recommendations", "TOO_LONG"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        "p".repeat(4001)), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.proposedText", "TOO_LONG"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(null, d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.workUnitId", "REQUIRED"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, null, PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details", "REQUIRED"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, details(), null, ORG))
                .expectException(rejected(Reason.INVALID, "authorUserId", "REQUIRED"));
    }

    @Test
    void a_cause_refuses_an_inactive_or_wrong_or_unknown_reference_entry() {
        fixture.givenCommands(treeWithReferences())
                .andGivenCommands(new DeactivateReferenceEntry(ISSUER, 1))
                .when(new AddRegulatoryCause(CAUSE, details(), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.issuerId", "INACTIVE_ENTRY")).expectNoEvents();
        RegulatoryCauseDetails d = details();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        ACT_STATUS, d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.actTypeId", "WRONG_LIST"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), UUID.randomUUID(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.NOT_FOUND, "details.actStatusId", "NOT_FOUND"));
    }

    @Test
    void a_cause_names_a_live_activity_of_its_work_unit() {
        RegulatoryCauseDetails d = details();
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(UUID.randomUUID(), d.activityId(),
                        d.issuerId(), d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(),
                        d.articleNumber(), d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(),
                        d.recommendations(), d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY")).expectNoEvents();
        fixture.givenCommands(treeWithReferences())
                .andGivenCommands(new DeactivateItem(ACTIVITY, 2))
                .when(new AddRegulatoryCause(CAUSE, details(), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "details.activityId", "ACTIVITY_NOT_LIVE"));
        fixture.givenCommands(treeWithReferences())
                .when(new AddRegulatoryCause(CAUSE, new RegulatoryCauseDetails(d.workUnitId(), TASK, d.issuerId(),
                        d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                        d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                        d.proposedText()), PROPOSER, ORG))
                .expectException(rejected(Reason.NOT_FOUND, "details.activityId", "NOT_FOUND"));
        // a proposed activity is usable
        fixture.givenCommands(concat(proposedActivity(),
                        new DefineReferenceEntry(ISSUER, ReferenceList.ACT_ISSUER, "Guvernul României"),
                        new DefineReferenceEntry(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege"),
                        new DefineReferenceEntry(ACT_STATUS, ReferenceList.ACT_STATUS, "În vigoare")))
                .when(new AddRegulatoryCause(CAUSE, details(), PROPOSER, ORG))
                .expectEvents(new RegulatoryCauseAdded(CAUSE, details(), PROPOSER, ORG, 1));
    }

    @Test
    void editing_a_cause_reports_before_and_after_at_its_version() {
        RegulatoryCauseDetails edited = withActNumber("99");
        fixture.givenCommands(treeWithCause())
                .when(new EditRegulatoryCause(CAUSE, edited, 1))
                .expectEvents(new RegulatoryCauseEdited(CAUSE, edited, details(), 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(treeWithCause())
                .andGivenCommands(new EditRegulatoryCause(CAUSE, edited, 1))
                .when(new EditRegulatoryCause(CAUSE, withActNumber("100"), 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION")).expectNoEvents();
        fixture.givenCommands(treeWithCause())
                .when(new EditRegulatoryCause(CAUSE, withActNumber("9x"), 1))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "DIGITS_ONLY"));
        fixture.givenCommands(treeWithCause())
                .when(new EditRegulatoryCause(CAUSE, details(), 1))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_edit_keeps_an_entry_deactivated_since_but_cannot_newly_choose_one() {
        UUID otherIssuer = UUID.randomUUID();
        RegulatoryCauseDetails d = details();
        RegulatoryCauseDetails otherIssuerDetails = new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), otherIssuer,
                d.actTypeId(), d.actNumber(), d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(),
                d.additionalInfo(), d.extract(), d.corruptionFactors(), d.corruptionThreats(), d.recommendations(),
                d.proposedText());
        fixture.givenCommands(treeWithCause())
                .andGivenCommands(new DeactivateReferenceEntry(ISSUER, 1))
                .when(new EditRegulatoryCause(CAUSE, withActNumber("99"), 1))
                .expectEvents(new RegulatoryCauseEdited(CAUSE, withActNumber("99"), details(), 2));
        fixture.givenCommands(treeWithCause())
                .andGivenCommands(new DefineReferenceEntry(otherIssuer, ReferenceList.ACT_ISSUER, "Parlamentul României"),
                        new DeactivateReferenceEntry(otherIssuer, 1))
                .when(new EditRegulatoryCause(CAUSE, otherIssuerDetails, 1))
                .expectException(rejected(Reason.INVALID, "details.issuerId", "INACTIVE_ENTRY")).expectNoEvents();
    }

    @Test
    void a_cause_is_deactivated_once_and_then_no_longer_edited() {
        fixture.givenCommands(treeWithCause())
                .when(new DeactivateRegulatoryCause(CAUSE, 1))
                .expectEvents(new RegulatoryCauseDeactivated(CAUSE, 2))
                .expectResultMessagePayload(2L);
        fixture.givenCommands(treeWithCause())
                .andGivenCommands(new DeactivateRegulatoryCause(CAUSE, 1))
                .when(new DeactivateRegulatoryCause(CAUSE, 2))
                .expectException(rejected(Reason.INVALID, "causeId", "ALREADY_INACTIVE")).expectNoEvents();
        fixture.givenCommands(treeWithCause())
                .andGivenCommands(new DeactivateRegulatoryCause(CAUSE, 1))
                .when(new EditRegulatoryCause(CAUSE, withActNumber("99"), 2))
                .expectException(rejected(Reason.INVALID, "causeId", "INACTIVE")).expectNoEvents();
        fixture.givenCommands(treeWithCause())
                .when(new DeactivateRegulatoryCause(CAUSE, 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture.givenCommands(treeWithCause())
                .when(new AddRegulatoryCause(CAUSE, details(), PROPOSER, ORG))
                .expectException(rejected(Reason.INVALID, "causeId", "DUPLICATE_ID"));
    }

    @Test
    void versions_count_per_entry_through_a_whole_workflow() {
        fixture.givenCommands(concat(proposedActivity(),
                        new ReviseProposal(ACTIVITY, null, "v2", null, null, 1),
                        new ReviseProposal(ACTIVITY, null, "v3", null, null, 2),
                        new AcceptProposalWithChanges(ACTIVITY, 3, null, "v4", null, null),
                        task(TASK, ACTIVITY, "Analiza ofertelor")))
                .when(new DeactivateItem(ACTIVITY, 5))
                .expectEvents(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY, 6))
                .expectResultMessagePayload(6L);
    }

    // ---------------------------------------------------------------- helpers

    private static RegulatoryCauseDetails withActNumber(String actNumber) {
        RegulatoryCauseDetails d = details();
        return new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(), d.actTypeId(), actNumber,
                d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(), d.additionalInfo(), d.extract(),
                d.corruptionFactors(), d.corruptionThreats(), d.recommendations(), d.proposedText());
    }

    private static RegulatoryCauseDetails withYear(int year) {
        RegulatoryCauseDetails d = details();
        return new RegulatoryCauseDetails(d.workUnitId(), d.activityId(), d.issuerId(), d.actTypeId(), d.actNumber(),
                year, d.actStatusId(), d.actTitle(), d.articleNumber(), d.additionalInfo(), d.extract(),
                d.corruptionFactors(), d.corruptionThreats(), d.recommendations(), d.proposedText());
    }

    private static Matcher<CommandRejected> rejected(Reason reason, String field, String code) {
        return rejected(reason, field, code, "");
    }

    /** A refusal of this reason, field and code whose message contains {@code messagePart}. */
    private static Matcher<CommandRejected> rejected(Reason reason, String field, String code, String messagePart) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && Objects.equals(item.field(), field) && Objects.equals(item.code(), code)
                        && item.getMessage().contains(messagePart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code
                        + ", message containing '" + messagePart + "')");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + ", field=" + item.field() + ", code=" + item.code() + ": "
                        + item.getMessage());
            }
        };
    }
}
