package ro.marc.command.incident;

import ro.marc.command.common.RomanianCalendar;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.access.InMemoryAccessLookup;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.nomenclature.InMemoryNomenclatureCatalogue;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.incident.*;
import ro.marc.events.incident.command.*;
import ro.marc.events.incident.event.*;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static ro.marc.command.common.Refused.rejected;

/**
 * Given/when/then for the integrity incident (§4, UCA 43–51): the lifecycle (indictment → conviction; indictment →
 * acquittal removing the links; archived), the risk links, the documents, and every refusal of the "bad
 * input", each naming its field and code with nothing applied (and no file kept).
 */
class IntegrityIncidentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final UUID CLUJ = UUID.randomUUID();
    static final UUID IASI = UUID.randomUUID();
    static final UUID CENTRAL = UUID.randomUUID();
    static final UUID WU1 = UUID.randomUUID();
    static final UUID WU2 = UUID.randomUUID();
    static final UUID WU3 = UUID.randomUUID();
    static final UUID DOMAIN = UUID.randomUUID();
    static final UUID ACTIVITY = UUID.randomUUID();
    static final UUID OTHER_ACTIVITY = UUID.randomUUID();
    static final UUID PROPOSED_ACTIVITY = UUID.randomUUID();
    static final UUID RISK = UUID.randomUUID();
    static final UUID RISK2 = UUID.randomUUID();
    static final UUID OTHER_RISK = UUID.randomUUID();
    static final UUID PROPOSED_RISK = UUID.randomUUID();
    static final UUID INACTIVE_RISK = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();
    static final UUID INCIDENT = UUID.randomUUID();
    static final UUID LINK = UUID.randomUUID();
    static final UUID LINK2 = UUID.randomUUID();
    static final UUID DOC = UUID.randomUUID();
    /** A document id another incident holds. */
    static final UUID OTHER_INCIDENTS_DOCUMENT = UUID.randomUUID();
    static final String CNP = "1800101221144";
    static final String TITLE = "Mită la atribuirea unui contract de achiziție";
    static final String CONTENT = "Un ofițer a primit foloase necuvenite pentru a favoriza un ofertant la licitația din martie.";
    static final LocalDate HAPPENED = LocalDate.of(2026, 3, 10);
    static final LocalDate REGISTERED = LocalDate.of(2026, 4, 2);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    static final IncidentDetails DETAILS = new IncidentDetails(TITLE, County.CJ, CLUJ, "Org unit " + CLUJ,
            IncidentType.INDICTMENT, HAPPENED, "1234", REGISTERED, CONTENT);
    static final IntegrityIncidentRecorded RECORDED = new IntegrityIncidentRecorded(INCIDENT, DETAILS);
    static final List<CategoryRecord> CATEGORIES = List.of(new CategoryRecord(PersonCategory.OFFICERS,
            List.of(new InvolvedPerson(3, "Condamnare la 3 ani cu suspendare", "3 ani")), List.of("Prejudiciu recuperat integral")));
    static final IncidentRiskLinked LINKED = new IncidentRiskLinked(INCIDENT, link(LINK, RISK, "Favorizarea unui ofertant", CATEGORIES));
    static final IncidentRiskLinked LINKED2 = new IncidentRiskLinked(INCIDENT, link(LINK2, RISK2, "Divulgarea ofertelor", List.of()));
    static final IncidentDocument DOCUMENT = new IncidentDocument(DOC, IncidentDocumentKind.EVALUATION_REPORT,
            "Raport de evaluare", "Vizita de evaluare din aprilie", "raport.pdf", "application/pdf",
            IncidentFiles.sha256(PDF), PDF.length);
    static final IncidentDocumentAttached ATTACHED = new IncidentDocumentAttached(INCIDENT, DOCUMENT, "Elena Dobre");

    private InMemoryIncidentFiles files;
    private InMemoryNomenclatureCatalogue catalogue;

    static RiskLink link(UUID linkId, UUID riskId, String riskName, List<CategoryRecord> categories) {
        return new RiskLink(linkId, CLUJ, "Org unit " + CLUJ, WU1, "Work unit " + WU1, DOMAIN, "Achiziții publice",
                ACTIVITY, "Atribuirea contractelor de achiziție", riskId, riskName, categories);
    }

    @BeforeEach
    void setUp() {
        files = new InMemoryIncidentFiles();
        String proposer = ADMIN.toString();
        catalogue = new InMemoryNomenclatureCatalogue().given(
                new DomainDefined(DOMAIN, null, "Achiziții publice"),
                new ActivityProposed(ACTIVITY, "Atribuirea contractelor de achiziție", null, DOMAIN, List.of(WU1), List.of(), proposer, CLUJ),
                new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, proposer),
                new ActivityProposed(OTHER_ACTIVITY, "Recepția lucrărilor", null, DOMAIN, List.of(WU1, WU2), List.of(), proposer, CLUJ),
                new ProposalAccepted(OTHER_ACTIVITY, ItemKind.ACTIVITY, 1, proposer),
                new ActivityProposed(PROPOSED_ACTIVITY, "Activitate propusă", null, DOMAIN, List.of(WU1), List.of(), proposer, CLUJ),
                risk(RISK, ACTIVITY, "Favorizarea unui ofertant"), new ProposalAccepted(RISK, ItemKind.RISK, 1, proposer),
                risk(RISK2, ACTIVITY, "Divulgarea ofertelor"), new ProposalAccepted(RISK2, ItemKind.RISK, 1, proposer),
                risk(OTHER_RISK, OTHER_ACTIVITY, "Recepția fictivă"), new ProposalAccepted(OTHER_RISK, ItemKind.RISK, 1, proposer),
                risk(PROPOSED_RISK, ACTIVITY, "Risc propus"),
                risk(INACTIVE_RISK, ACTIVITY, "Risc retras"), new ProposalAccepted(INACTIVE_RISK, ItemKind.RISK, 1, proposer),
                new ItemDeactivated(INACTIVE_RISK, ItemKind.RISK));
    }

    private static RiskProposed risk(UUID id, UUID activity, String name) {
        return new RiskProposed(id, activity, name, null, ADMIN.toString(), CLUJ);
    }

    private FixtureConfiguration<IntegrityIncident> fixture() {
        FixtureConfiguration<IntegrityIncident> fixture = new AggregateTestFixture<>(IntegrityIncident.class);
        fixture.registerInjectableResource(organisation());
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(files);
        fixture.registerInjectableResource((IncidentDocumentIds) id -> Optional.ofNullable(OTHER_INCIDENTS_DOCUMENT.equals(id) ? UUID.randomUUID() : null));
        fixture.registerInjectableResource(new InMemoryAccessLookup().given(new UserRegistered(ADMIN,
                "https://login.mai.gov.ro/realms/marc", "sub-admin", "Elena Dobre", "elena.dobre@mai.gov.ro", CENTRAL)));
        return fixture;
    }

    /** Cluj (WU1, WU2) and Iași (WU3) structures, and a central structure without a county. */
    static OrgFacts organisation() {
        FixedOrgFacts counties = new FixedOrgFacts().unit(CLUJ, County.CJ, WU1, WU2).unit(IASI, County.IS, WU3);
        OrgUnitFact central = new OrgUnitFact(CENTRAL, "Direcția Generală Anticorupție", new UUID(0, 1), 1, null, true,
                Set.of(), List.of(new UUID(0, 1)));
        return new OrgFacts() {
            @Override
            public Optional<OrgUnitFact> orgUnit(UUID id) {
                return CENTRAL.equals(id) ? Optional.of(central) : counties.orgUnit(id);
            }

            @Override
            public Optional<WorkUnitFact> workUnit(UUID id) {
                return counties.workUnit(id);
            }
        };
    }

    private TestExecutor<IntegrityIncident> given(Object... events) {
        return fixture().givenCurrentTime(on(TODAY)).andGiven(events);
    }

    static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant();
    }

    private static Map<String, Object> as(UUID user) {
        return Map.of("userId", user.toString());
    }

    static RecordIntegrityIncident record() {
        return new RecordIntegrityIncident(INCIDENT, " " + TITLE, County.CJ, CLUJ, IncidentType.INDICTMENT, HAPPENED, "1234",
                REGISTERED, CONTENT);
    }

    static RecordIntegrityIncident record(String title, County county, UUID orgUnit, LocalDate happened, String fileNumber,
                                          LocalDate registered, String content) {
        return new RecordIntegrityIncident(INCIDENT, title, county, orgUnit, IncidentType.INDICTMENT, happened, fileNumber,
                registered, content);
    }

    static EditIntegrityIncident edit(long version, IncidentType type) {
        return new EditIntegrityIncident(INCIDENT, version, TITLE, County.CJ, CLUJ, type, HAPPENED, "1234", REGISTERED, CONTENT);
    }

    static IncidentDetails details(IncidentType type) {
        return new IncidentDetails(TITLE, County.CJ, CLUJ, "Org unit " + CLUJ, type, HAPPENED, "1234", REGISTERED, CONTENT);
    }

    static LinkIncidentRisk linkRisk(long version, UUID linkId, UUID workUnit, UUID activity, UUID risk, List<CategoryRecord> categories) {
        return new LinkIncidentRisk(INCIDENT, version, linkId, null, workUnit, activity, risk, categories);
    }

    static AttachIncidentDocument attach(long version, String fileName, byte[] content) {
        return new AttachIncidentDocument(INCIDENT, version, DOC, IncidentDocumentKind.EVALUATION_REPORT, "Raport de evaluare",
                "Vizita de evaluare din aprilie", fileName, content);
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void an_indictment_is_recorded_linked_documented_becomes_a_conviction_keeping_its_links_and_is_archived() {
        given().when(record(), as(ADMIN)).expectEvents(RECORDED).expectResultMessagePayload(1L);
        given(RECORDED).when(record(), as(ADMIN)).expectNoEvents().expectResultMessagePayload(1L);
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, CATEGORIES), as(ADMIN))
                .expectEvents(LINKED).expectResultMessagePayload(2L);
        given(RECORDED, LINKED).when(attach(2, "raport.pdf", PDF), as(ADMIN))
                .expectEvents(ATTACHED).expectResultMessagePayload(3L);
        assertThat(files.kept).containsOnlyKeys(DOCUMENT.sha256());
        given(RECORDED, LINKED, ATTACHED).when(edit(3, IncidentType.CONVICTION), as(ADMIN))
                .expectEvents(new IntegrityIncidentEdited(INCIDENT, details(IncidentType.CONVICTION), IncidentType.INDICTMENT))
                .expectResultMessagePayload(4L);
        IntegrityIncidentEdited convicted = new IntegrityIncidentEdited(INCIDENT, details(IncidentType.CONVICTION), IncidentType.INDICTMENT);
        given(RECORDED, LINKED, ATTACHED, convicted).when(new ArchiveIntegrityIncident(INCIDENT, 4), as(ADMIN))
                .expectEvents(new IntegrityIncidentArchived(INCIDENT)).expectResultMessagePayload(5L);
    }

    @Test
    void an_archived_incident_refuses_every_change_and_archiving_again() {
        Object[] archived = {RECORDED, LINKED, ATTACHED, new IntegrityIncidentArchived(INCIDENT)};
        for (Object command : List.of(new ArchiveIntegrityIncident(INCIDENT, 4), edit(4, IncidentType.CONVICTION),
                linkRisk(4, LINK2, WU1, ACTIVITY, RISK2, List.of()), new UnlinkIncidentRisk(INCIDENT, 4, LINK),
                new ReviseIncidentDocument(INCIDENT, 4, DOC, "Alt titlu", null), new RemoveIncidentDocument(INCIDENT, 4, DOC),
                new AttachIncidentDocument(INCIDENT, 4, UUID.randomUUID(), IncidentDocumentKind.OTHER, "Sentința", null, "s.pdf", PDF))) {
            given(archived).when(command, as(ADMIN)).expectNoEvents()
                    .expectException(rejected(Reason.CONFLICT, "incidentId", "ARCHIVED"));
        }
        assertThat(files.kept).isEmpty();
    }

    @Test
    void an_acquittal_removes_every_risk_link_kept_in_history_and_takes_no_new_one() {
        IntegrityIncidentEdited acquitted = new IntegrityIncidentEdited(INCIDENT, details(IncidentType.ACQUITTAL), IncidentType.INDICTMENT);
        given(RECORDED, LINKED, LINKED2).when(edit(3, IncidentType.ACQUITTAL), as(ADMIN))
                .expectEvents(acquitted,
                        new IncidentRiskUnlinked(INCIDENT, LINK, RISK, UnlinkReason.ACQUITTAL),
                        new IncidentRiskUnlinked(INCIDENT, LINK2, RISK2, UnlinkReason.ACQUITTAL))
                .expectResultMessagePayload(6L);
        Object[] history = {RECORDED, LINKED, LINKED2, acquitted,
                new IncidentRiskUnlinked(INCIDENT, LINK, RISK, UnlinkReason.ACQUITTAL),
                new IncidentRiskUnlinked(INCIDENT, LINK2, RISK2, UnlinkReason.ACQUITTAL)};
        given(history).when(linkRisk(6, UUID.randomUUID(), WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "incidentId", "ACQUITTED"));
        // an appeal may turn it into a conviction; the links removed stay removed, and it never becomes an indictment
        given(history).when(edit(6, IncidentType.CONVICTION), as(ADMIN))
                .expectEvents(new IntegrityIncidentEdited(INCIDENT, details(IncidentType.CONVICTION), IncidentType.ACQUITTAL));
        given(history).when(edit(6, IncidentType.INDICTMENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "type", "TYPE_BACKWARDS"));
    }

    // ---------------------------------------------------------------- bad input: the incident

    @Test
    void an_empty_or_long_title_is_refused_naming_the_title() {
        given().when(record("  ", County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "title", "REQUIRED"));
        given().when(record("T".repeat(201), County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "title", "TOO_LONG"));
    }

    @Test
    void a_file_number_with_anything_but_digits_or_too_long_is_refused() {
        for (String number : List.of("1234/2026", "12A", "12 34", "-1")) {
            given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, number, REGISTERED, CONTENT), as(ADMIN))
                    .expectNoEvents().expectException(rejected(Reason.INVALID, "fileNumber", "DIGITS_ONLY"));
        }
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1".repeat(21), REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileNumber", "TOO_LONG"));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, " ", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileNumber", "REQUIRED"));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1".repeat(20), REGISTERED, CONTENT), as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void dates_in_the_future_or_a_registration_before_the_incident_are_refused_naming_the_date() {
        LocalDate tomorrow = TODAY.plusDays(1);
        given().when(record(TITLE, County.CJ, CLUJ, tomorrow, "1234", tomorrow, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "incidentDate", "IN_FUTURE", Map.of("today", "2026-12-05")));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", tomorrow, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileRegisteredOn", "IN_FUTURE"));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", HAPPENED.minusDays(1), CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileRegisteredOn", "BEFORE_INCIDENT"));
        given().when(record(TITLE, County.CJ, CLUJ, null, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "incidentDate", "REQUIRED"));
        // today and the same day are fine
        given().when(record(TITLE, County.CJ, CLUJ, TODAY, "1234", TODAY, CONTENT), as(ADMIN)).expectSuccessfulHandlerExecution();
    }

    @Test
    void personal_data_in_a_text_is_refused_naming_the_text_without_quoting_it() {
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, "Inculpatul, CNP " + CNP + ", a primit bani."), as(ADMIN))
                .expectNoEvents().expectException(allOf(rejected(Reason.INVALID, "content", "PERSONAL_DATA"),
                        hasProperty("message", allOf(containsString("personal numeric code (CNP)"), not(containsString(CNP))))));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, "Sesizare de la ion.pop@exemplu.ro."), as(ADMIN))
                .expectNoEvents().expectException(allOf(rejected(Reason.INVALID, "content", "PERSONAL_DATA"),
                        hasProperty("message", allOf(containsString("an e-mail address"), not(containsString("ion.pop"))))));
        given().when(record("Cazul " + CNP, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "title", "PERSONAL_DATA"));
        given(RECORDED).when(new EditIntegrityIncident(INCIDENT, 1, TITLE, County.CJ, CLUJ, IncidentType.INDICTMENT, HAPPENED,
                        "1234", REGISTERED, CONTENT + " Contact: a@b.ro"), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "content", "PERSONAL_DATA"));
        // 13 digits that are no CNP (control digit wrong) are not personal data
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, "Dosarul nr. 1800101221145 al parchetului."), as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void content_is_required_and_short() {
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, "\n "), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "content", "REQUIRED"));
        given().when(record(TITLE, County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, "a".repeat(4001)), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "content", "TOO_LONG"));
    }

    @Test
    void the_org_unit_must_exist_and_lie_in_the_county() {
        given().when(record(TITLE, County.CJ, UUID.randomUUID(), HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND"));
        given().when(record(TITLE, County.IS, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "county", "COUNTY_MISMATCH", Map.of("orgUnitCounty", "CJ")));
        given().when(record(TITLE, null, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "county", "REQUIRED"));
        // a central structure has no county: any county is taken
        given().when(record(TITLE, County.IS, CENTRAL, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void recording_again_with_other_content_or_an_id_of_another_entity_is_a_duplicate() {
        given(RECORDED).when(record(TITLE + " bis", County.CJ, CLUJ, HAPPENED, "1234", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "incidentId", "DUPLICATE_ID"));
    }

    @Test
    void an_edit_needs_the_current_version_a_change_and_a_type_that_moves_forward() {
        given(RECORDED).when(edit(1, IncidentType.INDICTMENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "incidentId", "NO_CHANGE"));
        given(RECORDED, LINKED).when(edit(1, IncidentType.CONVICTION), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION",
                        Map.of("expectedVersion", 1L, "currentVersion", 2L)));
        IntegrityIncidentEdited convicted = new IntegrityIncidentEdited(INCIDENT, details(IncidentType.CONVICTION), IncidentType.INDICTMENT);
        given(RECORDED, convicted).when(edit(2, IncidentType.INDICTMENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "type", "TYPE_BACKWARDS"));
        given().when(edit(1, IncidentType.CONVICTION), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "incidentId", "NOT_FOUND"));
        given(RECORDED).when(new EditIntegrityIncident(INCIDENT, 1, TITLE, County.CJ, CLUJ, IncidentType.CONVICTION, HAPPENED,
                        "12a", REGISTERED, CONTENT), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileNumber", "DIGITS_ONLY"));
    }

    // ---------------------------------------------------------------- bad input: risk links

    @Test
    void only_an_existing_association_of_the_nomenclature_is_linked() {
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, UUID.randomUUID(), List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "riskId", "NOT_FOUND"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, OTHER_RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "RISK_NOT_OF_ACTIVITY"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, PROPOSED_RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "NOT_APPROVED"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, INACTIVE_RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "INACTIVE_ENTRY"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, RISK, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activityId", "WRONG_KIND"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, PROPOSED_ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activityId", "NOT_APPROVED"));
        given(RECORDED).when(linkRisk(1, LINK, WU2, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY"));
        given(RECORDED).when(linkRisk(1, LINK, WU3, OTHER_ACTIVITY, OTHER_RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "workUnitId", "WORK_UNIT_NOT_HELD"));
        given(RECORDED).when(new LinkIncidentRisk(INCIDENT, 1, LINK, UUID.randomUUID(), WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND"));
        given(RECORDED).when(linkRisk(1, null, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "linkId", "REQUIRED"));
        // the link's own structure (Iași) holds its work unit, but the activity is not of that work unit
        given(RECORDED).when(new LinkIncidentRisk(INCIDENT, 1, LINK, IASI, WU3, OTHER_ACTIVITY, OTHER_RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY"));
    }

    @Test
    void one_link_per_risk_and_per_link_id() {
        given(RECORDED, LINKED).when(linkRisk(2, LINK2, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "riskId", "ALREADY_LINKED"));
        given(RECORDED, LINKED).when(linkRisk(2, LINK, WU1, ACTIVITY, RISK2, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "linkId", "DUPLICATE_ID"));
        // an unlinked id is not reused; its risk may be linked again under a new id
        IncidentRiskUnlinked unlinked = new IncidentRiskUnlinked(INCIDENT, LINK, RISK, UnlinkReason.REMOVED);
        given(RECORDED, LINKED, unlinked).when(linkRisk(3, LINK, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "linkId", "DUPLICATE_ID"));
        given(RECORDED, LINKED, unlinked).when(linkRisk(3, LINK2, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectEvents(new IncidentRiskLinked(INCIDENT, link(LINK2, RISK, "Favorizarea unui ofertant", List.of())));
    }

    @Test
    void categories_persons_and_additional_fields_are_checked_naming_the_row() {
        InvolvedPerson person = new InvolvedPerson(1, "Achitare", null);
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(
                        new CategoryRecord(PersonCategory.AGENTS, List.of(person), null),
                        new CategoryRecord(PersonCategory.AGENTS, List.of(person), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[1].category", "DUPLICATE"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.AGENTS,
                        List.of(person, new InvolvedPerson(0, "Condamnare", null)), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].persons[1].materialActs", "OUT_OF_RANGE"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.AGENTS,
                        List.of(new InvolvedPerson(10_001, "Condamnare", null)), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].persons[0].materialActs", "OUT_OF_RANGE"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.OTHERS,
                        List.of(new InvolvedPerson(2, " ", null)), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].persons[0].outcome", "REQUIRED"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.OTHERS,
                        List.of(new InvolvedPerson(2, "Condamnat, CNP " + CNP, null)), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].persons[0].outcome", "PERSONAL_DATA"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.OTHERS,
                        List.of(new InvolvedPerson(2, "Condamnare", "p".repeat(201))), null))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].persons[0].period", "TOO_LONG"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.CIVIL_SERVANTS,
                        List.of(), List.of("1", "2", "3", "4", "5", "6")))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].additionalFields", "TOO_MANY"));
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.CIVIL_SERVANTS,
                        List.of(), List.of("ok", "scrieți la x.y@mai.gov.ro")))), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "categories[0].additionalFields[1]", "PERSONAL_DATA"));
        // blank additional fields are dropped, texts tidied
        given(RECORDED).when(linkRisk(1, LINK, WU1, ACTIVITY, RISK, List.of(new CategoryRecord(PersonCategory.OFFICERS,
                        List.of(new InvolvedPerson(3, " Condamnare la 3 ani cu suspendare ", " 3 ani ")),
                        List.of(" ", "Prejudiciu recuperat integral", "")))), as(ADMIN))
                .expectEvents(LINKED);
    }

    @Test
    void a_link_is_revised_keeping_a_risk_deactivated_since_and_unlinked() {
        IncidentRiskLinked toRetired = new IncidentRiskLinked(INCIDENT, link(LINK2, INACTIVE_RISK, "Risc retras", List.of()));
        given(RECORDED, toRetired).when(new ReviseIncidentRiskLink(INCIDENT, 2, LINK2, null, WU1, ACTIVITY, INACTIVE_RISK, CATEGORIES), as(ADMIN))
                .expectEvents(new IncidentRiskLinkRevised(INCIDENT, link(LINK2, INACTIVE_RISK, "Risc retras", CATEGORIES)))
                .expectResultMessagePayload(3L);
        given(RECORDED, LINKED).when(new ReviseIncidentRiskLink(INCIDENT, 2, LINK, null, WU1, ACTIVITY, RISK, CATEGORIES), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "linkId", "NO_CHANGE"));
        given(RECORDED, LINKED, LINKED2).when(new ReviseIncidentRiskLink(INCIDENT, 3, LINK2, null, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "riskId", "ALREADY_LINKED"));
        given(RECORDED).when(new ReviseIncidentRiskLink(INCIDENT, 1, LINK, null, WU1, ACTIVITY, RISK, List.of()), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "linkId", "NOT_FOUND"));
        given(RECORDED, LINKED).when(new UnlinkIncidentRisk(INCIDENT, 2, LINK), as(ADMIN))
                .expectEvents(new IncidentRiskUnlinked(INCIDENT, LINK, RISK, UnlinkReason.REMOVED)).expectResultMessagePayload(3L);
        given(RECORDED, LINKED).when(new UnlinkIncidentRisk(INCIDENT, 2, LINK2), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "linkId", "NOT_FOUND"));
    }

    // ---------------------------------------------------------------- documents

    @Test
    void an_executable_renamed_pdf_is_refused_and_nothing_is_kept() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        given(RECORDED).when(attach(1, "decizie.pdf", exe), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "file", "FILE_TYPE_NOT_ALLOWED"));
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        given(RECORDED).when(attach(1, "decizie.pdf", elf), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "file", "FILE_TYPE_NOT_ALLOWED"));
        assertThat(files.kept).isEmpty();
    }

    @Test
    void an_empty_too_large_or_misnamed_file_is_refused_and_nothing_is_kept() {
        given(RECORDED).when(attach(1, "raport.pdf", new byte[0]), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "file", "REQUIRED"));
        byte[] large = new byte[(int) IncidentFiles.MAX_SIZE + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        given(RECORDED).when(attach(1, "raport.pdf", large), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "file", "FILE_TOO_LARGE", Map.of("limit", IncidentFiles.MAX_SIZE)));
        given(RECORDED).when(attach(1, "raport.docx", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "fileName", "FILE_TYPE_MISMATCH"));
        given(RECORDED).when(new AttachIncidentDocument(INCIDENT, 1, DOC, IncidentDocumentKind.OTHER, "Sentința",
                        "Inculpat: " + CNP, "s.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "summary", "PERSONAL_DATA"));
        given(RECORDED).when(new AttachIncidentDocument(INCIDENT, 1, DOC, IncidentDocumentKind.OTHER, " ", null, "s.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "title", "REQUIRED"));
        given(RECORDED).when(new AttachIncidentDocument(INCIDENT, 1, DOC, null, "Sentința", null, "s.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "kind", "REQUIRED"));
        given(RECORDED, LINKED).when(attach(1, "raport.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        assertThat(files.kept).isEmpty();
    }

    @Test
    void a_retried_upload_finds_its_first_result_other_content_under_its_id_is_a_duplicate() {
        given(RECORDED, LINKED, ATTACHED).when(attach(2, "raport.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectResultMessagePayload(3L);
        byte[] other = "%PDF-1.7\nalt".getBytes(StandardCharsets.US_ASCII);
        given(RECORDED, LINKED, ATTACHED).when(attach(3, "raport.pdf", other), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "documentId", "DUPLICATE_ID"));
        assertThat(files.kept).isEmpty();
    }

    @Test
    void a_document_id_another_incident_holds_is_refused() {
        given(RECORDED).when(new AttachIncidentDocument(INCIDENT, 1, OTHER_INCIDENTS_DOCUMENT, IncidentDocumentKind.OTHER,
                        "Sentința", null, "s.pdf", PDF), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "documentId", "DUPLICATE_ID"));
        assertThat(files.kept).isEmpty();
    }

    @Test
    void a_document_is_revised_and_removed_that_one_only() {
        given(RECORDED, ATTACHED).when(new ReviseIncidentDocument(INCIDENT, 2, DOC, "Raport de evaluare final", null), as(ADMIN))
                .expectEvents(new IncidentDocumentRevised(INCIDENT, DOC, "Raport de evaluare final", null)).expectResultMessagePayload(3L);
        given(RECORDED, ATTACHED).when(new ReviseIncidentDocument(INCIDENT, 2, DOC, "Raport de evaluare", "Vizita de evaluare din aprilie"), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "documentId", "NO_CHANGE"));
        given(RECORDED, ATTACHED).when(new ReviseIncidentDocument(INCIDENT, 2, DOC, "Raport", "a@b.ro"), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "summary", "PERSONAL_DATA"));
        given(RECORDED, ATTACHED).when(new RemoveIncidentDocument(INCIDENT, 2, DOC), as(ADMIN))
                .expectEvents(new IncidentDocumentRemoved(INCIDENT, DOC, DOCUMENT.sha256())).expectResultMessagePayload(3L);
        IncidentDocumentRemoved removed = new IncidentDocumentRemoved(INCIDENT, DOC, DOCUMENT.sha256());
        given(RECORDED, ATTACHED, removed).when(new RemoveIncidentDocument(INCIDENT, 3, DOC), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "documentId", "NOT_FOUND"));
        given(RECORDED, ATTACHED, removed).when(new ReviseIncidentDocument(INCIDENT, 3, DOC, "Alt titlu", null), as(ADMIN))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "documentId", "NOT_FOUND"));
    }

    @Test
    void a_document_sent_by_marc_itself_names_marc_as_uploader() {
        given(RECORDED).when(attach(1, "raport.pdf", PDF), Map.of("userId", "system"))
                .expectEvents(new IncidentDocumentAttached(INCIDENT, DOCUMENT, "MARC"));
    }
}
