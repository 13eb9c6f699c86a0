package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.command.DeactivateReferenceEntry;
import ro.marc.events.nomenclature.command.DefineReferenceEntry;
import ro.marc.events.nomenclature.command.RenameReferenceEntry;
import ro.marc.events.nomenclature.event.ReferenceEntryDeactivated;
import ro.marc.events.nomenclature.event.ReferenceEntryDefined;
import ro.marc.events.nomenclature.event.ReferenceEntryRenamed;

import java.util.UUID;

import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

class ReferenceEntryTest {

    private InMemoryNomenclatureCatalogue catalogue;

    @BeforeEach
    void setUp() {
        catalogue = new InMemoryNomenclatureCatalogue();
    }

    private FixtureConfiguration<ReferenceEntry> fixture() {
        FixtureConfiguration<ReferenceEntry> fixture = new AggregateTestFixture<>(ReferenceEntry.class);
        fixture.registerInjectableResource(catalogue);
        return fixture;
    }

    private static final ReferenceEntryDefined LEGE = new ReferenceEntryDefined(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege");

    @Test
    void an_entry_is_defined_at_version_1_and_again_with_the_same_content_returns_the_first_result() {
        fixture().givenNoPriorActivity()
                .when(new DefineReferenceEntry(ISSUER, ReferenceList.ACT_ISSUER, " Parlamentul  României "))
                .expectEvents(new ReferenceEntryDefined(ISSUER, ReferenceList.ACT_ISSUER, "Parlamentul României"))
                .expectResultMessagePayload(1L);
        fixture().given(LEGE)
                .when(new DefineReferenceEntry(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(LEGE)
                .when(new DefineReferenceEntry(ACT_TYPE, ReferenceList.ACT_STATUS, "Lege"))
                .expectException(rejected(Reason.CONFLICT, "entryId", "DUPLICATE_ID"));
    }

    @Test
    void entries_are_unique_within_their_list_ignoring_diacritics_deactivated_ones_included() {
        catalogue.given(treeWithReferences()).given(new ReferenceEntryDeactivated(ISSUER, ReferenceList.ACT_ISSUER));
        fixture().givenNoPriorActivity()
                .when(new DefineReferenceEntry(UUID.randomUUID(), ReferenceList.ACT_ISSUER, "guvernul romaniei"))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME", "List ACT_ISSUER already has"));
        UUID entry = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new DefineReferenceEntry(entry, ReferenceList.EXTERNAL_PARTNER, "Guvernul României"))
                .expectEvents(new ReferenceEntryDefined(entry, ReferenceList.EXTERNAL_PARTNER, "Guvernul României"));
        fixture().givenNoPriorActivity()
                .when(new DefineReferenceEntry(UUID.randomUUID(), null, "Ceva"))
                .expectException(rejected(Reason.INVALID, "list", "REQUIRED"));
    }

    @Test
    void entries_are_renamed_at_their_version_and_deactivated_once() {
        catalogue.given(treeWithReferences());
        fixture().given(LEGE)
                .when(new RenameReferenceEntry(ACT_TYPE, "Lege organică", 1))
                .expectEvents(new ReferenceEntryRenamed(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege organică", "Lege"))
                .expectResultMessagePayload(2L);
        fixture().given(LEGE, new ReferenceEntryRenamed(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege organică", "Lege"))
                .when(new RenameReferenceEntry(ACT_TYPE, "Ordonanță", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        UUID other = UUID.randomUUID();
        catalogue.given(new ReferenceEntryDefined(other, ReferenceList.ACT_TYPE, "Ordonanță"));
        fixture().given(LEGE)
                .when(new RenameReferenceEntry(ACT_TYPE, "ordonanta", 1))
                .expectException(rejected(Reason.INVALID, "name", "DUPLICATE_NAME"));
        fixture().given(LEGE)
                .when(new DeactivateReferenceEntry(ACT_TYPE, 1))
                .expectEvents(new ReferenceEntryDeactivated(ACT_TYPE, ReferenceList.ACT_TYPE))
                .expectResultMessagePayload(2L);
        fixture().given(LEGE, new ReferenceEntryDeactivated(ACT_TYPE, ReferenceList.ACT_TYPE))
                .when(new DeactivateReferenceEntry(ACT_TYPE, 2))
                .expectNoEvents()
                .expectException(rejected(Reason.INVALID, "entryId", "ALREADY_INACTIVE"));
        fixture().givenNoPriorActivity()
                .when(new RenameReferenceEntry(ACT_TYPE, "X", 1))
                .expectException(rejected(Reason.NOT_FOUND, "entryId", "NOT_FOUND"));
    }
}
