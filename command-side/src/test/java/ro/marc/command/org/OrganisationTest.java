package ro.marc.command.org;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID MINISTRY = UUID.randomUUID();
    private static final UUID POLICE = UUID.randomUUID();
    private static final UUID POLICE_CLUJ = UUID.randomUUID();
    private static final UUID HR = UUID.randomUUID();
    private static final UUID ITC = UUID.randomUUID();

    private FixtureConfiguration<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerCommandTargetResolver(new OrganisationTargetResolver());
    }

    /** root → ministry (HR, IT&C) → police (HR) → police Cluj (HR). */
    private Object[] organisation() {
        return new Object[]{
                new InitialiseOrganisation(ROOT, "MARC"),
                new DefineWorkUnit(HR, "Resurse umane"),
                new DefineWorkUnit(ITC, "IT&C"),
                new CreateOrgUnit(MINISTRY, ROOT, "Ministerul Afacerilor Interne", null),
                new AssignWorkUnits(MINISTRY, List.of(HR, ITC), 1),
                new CreateOrgUnit(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", null),
                new AssignWorkUnits(POLICE, List.of(HR), 1),
                new CreateOrgUnit(POLICE_CLUJ, POLICE, "IPJ Cluj", County.CJ),
                new AssignWorkUnits(POLICE_CLUJ, List.of(HR), 1)};
    }

    @Test
    void initialising_creates_the_root_at_level_zero() {
        fixture.givenNoPriorActivity()
                .when(new InitialiseOrganisation(ROOT, "MARC"))
                .expectEvents(new OrganisationInitialised(OrganisationIds.ORGANISATION_ID, ROOT),
                        new OrgUnitCreated(ROOT, null, "MARC", 0, null, 1));
    }

    @Test
    void level_is_derived_from_the_parent_and_county_is_inherited() {
        UUID station = UUID.randomUUID();
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(station, POLICE_CLUJ, "  Poliția   Municipiului Cluj-Napoca ", null))
                .expectEvents(new OrgUnitCreated(station, POLICE_CLUJ, "Poliția Municipiului Cluj-Napoca", 4, County.CJ, 1));
    }

    @Test
    void a_structure_under_a_county_cannot_declare_another_county() {
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(UUID.randomUUID(), POLICE_CLUJ, "Secția 1", County.IS))
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Cluj"))
                .expectNoEvents();
    }

    @Test
    void sibling_names_are_unique_ignoring_case_and_diacritics() {
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "INSPECTORATUL GENERAL AL POLITIEI ROMANE", null))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"))
                .expectNoEvents();
    }

    @Test
    void the_same_name_is_allowed_under_another_parent() {
        UUID other = UUID.randomUUID();
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(other, POLICE, "Ministerul Afacerilor Interne", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void work_units_must_be_held_by_the_parent() {
        fixture.givenCommands(organisation())
                .when(new AssignWorkUnits(POLICE_CLUJ, List.of(ITC), 2))
                .expectException(rejected("workUnitIds", "NOT_HELD_BY_PARENT"))
                .expectNoEvents();
    }

    @Test
    void assigning_several_work_units_bumps_the_version_once_per_assignment() {
        fixture.givenCommands(organisation())
                .when(new AssignWorkUnits(POLICE, List.of(ITC, HR), 2))
                .expectEvents(new WorkUnitAssigned(POLICE, ITC, 3));
    }

    @Test
    void retired_work_units_cannot_be_newly_assigned() {
        fixture.givenCommands(organisation())
                .andGivenCommands(new RetireWorkUnit(ITC, 1))
                .when(new AssignWorkUnits(POLICE, List.of(ITC), 2))
                .expectException(rejected("workUnitIds", "WORK_UNIT_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void unassigning_a_work_unit_still_used_below_names_the_users() {
        fixture.givenCommands(organisation())
                .when(new UnassignWorkUnit(POLICE, HR, 2))
                .expectException(rejected("workUnitId", "USED_BY_DESCENDANTS"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("IPJ Cluj"))
                .expectNoEvents();
    }

    @Test
    void unassigning_from_the_leaf_works() {
        fixture.givenCommands(organisation())
                .when(new UnassignWorkUnit(POLICE_CLUJ, HR, 2))
                .expectEvents(new WorkUnitUnassigned(POLICE_CLUJ, HR, 3));
    }

    @Test
    void an_org_unit_cannot_move_under_its_own_subtree() {
        fixture.givenCommands(organisation())
                .when(new MoveOrgUnit(POLICE, POLICE_CLUJ, 2))
                .expectException(rejected("newParentId", "CYCLE"))
                .expectNoEvents();
    }

    @Test
    void an_org_unit_cannot_move_under_itself() {
        fixture.givenCommands(organisation())
                .when(new MoveOrgUnit(POLICE, POLICE, 2))
                .expectException(rejected("newParentId", "CYCLE"));
    }

    @Test
    void moving_requires_the_new_parent_to_hold_the_work_units() {
        UUID gendarmerie = UUID.randomUUID();
        fixture.givenCommands(organisation())
                .andGivenCommands(new CreateOrgUnit(gendarmerie, MINISTRY, "Jandarmeria", null))
                .when(new MoveOrgUnit(POLICE, gendarmerie, 2))
                .expectException(rejected("newParentId", "WORK_UNITS_NOT_HELD_BY_PARENT"));
    }

    @Test
    void moving_shifts_the_level() {
        UUID gendarmerie = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        fixture.givenCommands(organisation())
                .andGivenCommands(new CreateOrgUnit(gendarmerie, MINISTRY, "Jandarmeria", null),
                        new CreateOrgUnit(unit, POLICE, "Serviciul Logistic", null))
                .when(new MoveOrgUnit(unit, MINISTRY, 1))
                .expectEvents(new OrgUnitMoved(unit, POLICE, MINISTRY, 3, 2, 2));
    }

    @Test
    void a_stale_expected_version_is_a_conflict() {
        fixture.givenCommands(organisation())
                .andGivenCommands(new RenameOrgUnit(POLICE, "IGPR", 2))
                .when(new RenameOrgUnit(POLICE, "Poliția Română", 2))
                .expectException(rejected("expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void renaming_checks_uniqueness_among_siblings() {
        UUID gendarmerie = UUID.randomUUID();
        fixture.givenCommands(organisation())
                .andGivenCommands(new CreateOrgUnit(gendarmerie, MINISTRY, "Jandarmeria Română", null))
                .when(new RenameOrgUnit(gendarmerie, "Inspectoratul General al Poliţiei Române", 1))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"));
    }

    @Test
    void empty_and_overlong_names_are_refused() {
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "   ", null))
                .expectException(rejected("name", "REQUIRED"));
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "x".repeat(201), null))
                .expectException(rejected("name", "TOO_LONG"));
    }

    @Test
    void deactivation_is_refused_while_active_children_exist() {
        fixture.givenCommands(organisation())
                .when(new DeactivateOrgUnit(POLICE, 2))
                .expectException(rejected("id", "HAS_ACTIVE_CHILDREN"));
    }

    @Test
    void no_new_structure_under_a_deactivated_parent_and_no_reactivation_below_one() {
        fixture.givenCommands(organisation())
                .andGivenCommands(new DeactivateOrgUnit(POLICE_CLUJ, 2), new DeactivateOrgUnit(POLICE, 2))
                .when(new CreateOrgUnit(UUID.randomUUID(), POLICE, "Nou", null))
                .expectException(rejected("parentId", "PARENT_INACTIVE"));
        fixture.givenCommands(organisation())
                .andGivenCommands(new DeactivateOrgUnit(POLICE_CLUJ, 2), new DeactivateOrgUnit(POLICE, 2))
                .when(new ReactivateOrgUnit(POLICE_CLUJ, 3))
                .expectException(rejected("id", "PARENT_INACTIVE"));
    }

    @Test
    void work_unit_names_are_unique_in_the_catalogue() {
        fixture.givenCommands(organisation())
                .when(new DefineWorkUnit(UUID.randomUUID(), "resurse UMANE"))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"));
    }

    @Test
    void unknown_parent_is_not_found() {
        fixture.givenCommands(organisation())
                .when(new CreateOrgUnit(UUID.randomUUID(), UUID.randomUUID(), "X", null))
                .expectException(rejected("parentId", "NOT_FOUND"));
    }

    private static org.hamcrest.Matcher<CommandRejected> rejected(String field, String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.field().equals(field) && item.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("CommandRejected(field=" + field + ", code=" + code + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, org.hamcrest.Description mismatch) {
                mismatch.appendText("was field=" + item.field() + ", code=" + item.code() + ": " + item.getMessage());
            }
        };
    }

    @Test
    void folded_names_compare_equal() {
        assertThat(ro.marc.events.text.RomanianText.nameKey("Anticorupţie  ")).isEqualTo(ro.marc.events.text.RomanianText.nameKey("anticoruptie"));
    }
}
