package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.command.DefineDomain;
import ro.marc.events.nomenclature.command.RenameDomain;
import ro.marc.events.nomenclature.event.DomainDefined;
import ro.marc.events.nomenclature.event.DomainRenamed;
import ro.marc.events.nomenclature.event.ProposalRejected;

import java.util.UUID;

import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

class DomainTest {

    private InMemoryNomenclatureCatalogue catalogue;

    @BeforeEach
    void setUp() {
        catalogue = new InMemoryNomenclatureCatalogue();
    }

    /** A fresh fixture per scenario (a fixture serves one aggregate id); the lookups are the test's. */
    private FixtureConfiguration<Domain> fixture() {
        FixtureConfiguration<Domain> fixture = new AggregateTestFixture<>(Domain.class);
        fixture.registerInjectableResource(catalogue);
        return fixture;
    }

    @Test
    void a_domain_is_defined_with_a_tidy_name_at_version_1() {
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(PROCUREMENT, null, "  Achiziții   publice "))
                .expectEvents(new DomainDefined(PROCUREMENT, null, "Achiziții publice"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void defining_it_again_with_the_same_content_returns_the_first_result_and_other_content_is_a_conflict() {
        fixture().given(new DomainDefined(PROCUREMENT, null, "Achiziții publice"))
                .when(new DefineDomain(PROCUREMENT, null, "Achiziții  publice"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(new DomainDefined(PROCUREMENT, null, "Achiziții publice"))
                .when(new DefineDomain(PROCUREMENT, null, "Achiziții private"))
                .expectNoEvents()
                .expectException(rejected(Reason.CONFLICT, "domainId", "DUPLICATE_ID"));
    }

    @Test
    void an_id_whose_stream_holds_another_kind_of_entity_is_taken() {
        // the client chose the id of a reference entry: the domain's events would become that entry's next events
        Object otherEntity = new ro.marc.events.nomenclature.event.ReferenceEntryDefined(PROCUREMENT,
                ro.marc.events.nomenclature.ReferenceList.EFFECT, "Efect");
        fixture().given(otherEntity)
                .when(new DefineDomain(PROCUREMENT, null, "Achiziții publice"))
                .expectNoEvents()
                .expectException(rejected(Reason.CONFLICT, "domainId", "DUPLICATE_ID"));
        fixture().given(otherEntity)
                .when(new RenameDomain(PROCUREMENT, "X", 2))
                .expectNoEvents()
                .expectException(rejected(Reason.NOT_FOUND, "domainId", "NOT_FOUND"));
    }

    @Test
    void renaming_an_unknown_domain_is_a_typed_not_found() {
        fixture().givenNoPriorActivity()
                .when(new RenameDomain(PROCUREMENT, "X", 1))
                .expectNoEvents()
                .expectException(rejected(Reason.NOT_FOUND, "domainId", "NOT_FOUND"));
    }

    @Test
    void a_subdomain_needs_a_known_parent_and_has_no_subdomains_of_its_own() {
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(RECRUITMENT, UUID.randomUUID(), "Recrutare"))
                .expectException(rejected(Reason.NOT_FOUND, "parentDomainId", "NOT_FOUND"));
        catalogue.given(domains());
        UUID deeper = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(deeper, RECRUITMENT, "Concursuri"))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "parentDomainId", "SUBDOMAIN_DEPTH", "'Recrutare' is a subdomain"));
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(deeper, HR, "Concursuri"))
                .expectEvents(new DomainDefined(deeper, HR, "Concursuri"));
    }

    @Test
    void names_are_unique_among_siblings_ignoring_case_diacritics_and_spaces() {
        catalogue.given(domains());
        UUID id = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(id, null, "ACHIZITII  PUBLICE"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "'Achiziții publice'"));
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(id, HR, "recrutare"))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "'Resurse umane' already has a subdomain"));
        // the same name under another parent is fine
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(id, PROCUREMENT, "Recrutare"))
                .expectEvents(new DomainDefined(id, PROCUREMENT, "Recrutare"));
    }

    @Test
    void g02_a_domain_with_activities_cannot_receive_subdomains_until_they_are_rejected() {
        catalogue.given(domains()).given(activityProposed(ACTIVITY, "Achiziții directe"));
        UUID sub = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(sub, PROCUREMENT, "Achiziții directe"))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "parentDomainId", "DOMAIN_IN_USE", "1 vulnerable activities"));
        catalogue.given(new ProposalRejected(ACTIVITY, ItemKind.ACTIVITY, "Duplicat", 1, PROPOSER));
        fixture().givenNoPriorActivity()
                .when(new DefineDomain(sub, PROCUREMENT, "Achiziții directe"))
                .expectEvents(new DomainDefined(sub, PROCUREMENT, "Achiziții directe"));
    }

    @Test
    void renaming_checks_the_version_and_the_siblings() {
        catalogue.given(domains());
        fixture().given(domains()[0])
                .when(new RenameDomain(PROCUREMENT, "Achiziții", 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(domains()[0])
                .when(new RenameDomain(PROCUREMENT, "resurse  UMANE", 1))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture().given(domains()[0])
                .when(new RenameDomain(PROCUREMENT, " Achiziții publice ", 1))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(domains()[0])
                .when(new RenameDomain(PROCUREMENT, "ACHIZIȚII PUBLICE", 1))
                .expectEvents(new DomainRenamed(PROCUREMENT, "ACHIZIȚII PUBLICE", "Achiziții publice"))
                .expectResultMessagePayload(2L);
    }
}
