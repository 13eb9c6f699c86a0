package ro.marc.command.org;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.org.command.DefineWorkUnit;
import ro.marc.events.org.command.RenameWorkUnit;
import ro.marc.events.org.command.RetireWorkUnit;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.events.org.event.WorkUnitRetired;
import ro.marc.events.text.RomanianText;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static ro.marc.command.org.Rejections.rejected;

/** One work unit of the catalogue: given its past events, when a command, then its events or a refusal. */
class WorkUnitTest {

    private static final UUID HR = UUID.randomUUID();
    private static final UUID ITC = UUID.randomUUID();

    private final InMemoryOrgTree tree = new InMemoryOrgTree();

    /** A fresh fixture per given/when (one aggregate each), with the lookup {@link #tree}. */
    private FixtureConfiguration<WorkUnit> fixture() {
        FixtureConfiguration<WorkUnit> fixture = new AggregateTestFixture<>(WorkUnit.class);
        fixture.registerInjectableResource(tree);
        return fixture;
    }

    @BeforeEach
    void setUp() {
        tree.apply(new WorkUnitDefined(HR, "Resurse umane"), new WorkUnitDefined(ITC, "IT&C"));
    }

    @Test
    void a_work_unit_is_defined_with_its_cleaned_name() {
        UUID archive = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new DefineWorkUnit(archive, "  Arhivă\u00A0 "))
                .expectEvents(new WorkUnitDefined(archive, "Arhivă"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void work_unit_names_are_unique_in_the_catalogue() {
        fixture().givenNoPriorActivity()
                .when(new DefineWorkUnit(UUID.randomUUID(), "resurse UMANE"))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"))
                .expectExceptionMessage(containsString("'Resurse umane'"))
                .expectNoEvents();
    }

    @Test
    void a_retired_work_unit_keeps_its_name() {
        tree.apply(new WorkUnitRetired(ITC));
        fixture().givenNoPriorActivity()
                .when(new DefineWorkUnit(UUID.randomUUID(), "IT&C"))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"));
    }

    @Test
    void a_definition_retried_with_the_same_name_returns_the_first_result_and_another_name_is_a_conflict() {
        fixture().given(new WorkUnitDefined(HR, "Resurse umane"), new WorkUnitRenamed(HR, "Personal", "Resurse umane"))
                .when(new DefineWorkUnit(HR, "Resurse umane "))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(new WorkUnitDefined(HR, "Resurse umane"))
                .when(new DefineWorkUnit(HR, "Personal"))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void an_id_taken_by_another_kind_of_entity_is_a_conflict() {
        UUID id = UUID.randomUUID();
        fixture().given(new OrgUnitCreated(id, null, "MARC", 0, null))
                .when(new DefineWorkUnit(id, "Arhivă"))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"));
    }

    @Test
    void renaming_keeps_the_previous_name_and_checks_uniqueness() {
        fixture().given(new WorkUnitDefined(ITC, "IT&C"))
                .when(new RenameWorkUnit(ITC, "Comunicații și tehnologia informației", 1))
                .expectEvents(new WorkUnitRenamed(ITC, "Comunicații și tehnologia informației", "IT&C"))
                .expectResultMessagePayload(2L);
        fixture().given(new WorkUnitDefined(ITC, "IT&C"))
                .when(new RenameWorkUnit(ITC, "Resurse Umane", 1))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"));
        fixture().given(new WorkUnitDefined(ITC, "IT&C"))
                .when(new RenameWorkUnit(ITC, "IT&C", 1))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(new WorkUnitDefined(ITC, "IT&C"))
                .when(new RenameWorkUnit(ITC, "it&c", 1))
                .expectEvents(new WorkUnitRenamed(ITC, "it&c", "IT&C"));
    }

    @Test
    void a_stale_expected_version_is_a_conflict() {
        fixture().given(new WorkUnitDefined(ITC, "IT&C"), new WorkUnitRenamed(ITC, "TIC", "IT&C"))
                .when(new RetireWorkUnit(ITC, 1))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    @Test
    void retiring_happens_once() {
        fixture().given(new WorkUnitDefined(ITC, "IT&C"))
                .when(new RetireWorkUnit(ITC, 1))
                .expectEvents(new WorkUnitRetired(ITC))
                .expectResultMessagePayload(2L);
        fixture().given(new WorkUnitDefined(ITC, "IT&C"), new WorkUnitRetired(ITC))
                .when(new RetireWorkUnit(ITC, 2))
                .expectException(rejected("id", "ALREADY_RETIRED"));
    }

    @Test
    void a_command_for_an_unknown_work_unit_is_not_found() {
        fixture().givenNoPriorActivity()
                .when(new RetireWorkUnit(UUID.randomUUID(), 1))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "id", "NOT_FOUND"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new RenameWorkUnit(UUID.randomUUID(), "X", 1))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "id", "NOT_FOUND"));
    }

    @Test
    void folded_names_compare_equal() {
        assertThat(RomanianText.nameKey("Anticorupţie  ")).isEqualTo(RomanianText.nameKey("anticoruptie"));
    }
}
