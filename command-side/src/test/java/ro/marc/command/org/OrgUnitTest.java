package ro.marc.command.org;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.org.County;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static ro.marc.command.org.Rejections.rejected;

/**
 * One org unit: given its past events, when a command, then its new events or a refusal. The rest of
 * the organisation (parents, siblings, descendants, the catalogue) is what the lookup knows
 * ({@link InMemoryOrgTree}): root → ministry (HR, IT&C) → police (HR) → police Cluj (HR, county CJ).
 */
class OrgUnitTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID MINISTRY = UUID.randomUUID();
    private static final UUID POLICE = UUID.randomUUID();
    private static final UUID POLICE_CLUJ = UUID.randomUUID();
    private static final UUID HR = UUID.randomUUID();
    private static final UUID ITC = UUID.randomUUID();

    private final InMemoryOrgTree tree = new InMemoryOrgTree();

    /** A fresh fixture per given/when (one aggregate each), with the lookup {@link #tree}. */
    private FixtureConfiguration<OrgUnit> fixture() {
        FixtureConfiguration<OrgUnit> fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(tree);
        return fixture;
    }

    @BeforeEach
    void setUp() {
        tree.apply(new OrgUnitCreated(ROOT, null, "MARC", 0, null),
                new WorkUnitDefined(HR, "Resurse umane"),
                new WorkUnitDefined(ITC, "IT&C"));
        tree.apply(ministry());
        tree.apply(police());
        tree.apply(policeCluj());
    }

    private static Object[] ministry() {
        return new Object[]{new OrgUnitCreated(MINISTRY, ROOT, "Ministerul Afacerilor Interne", 1, null),
                new WorkUnitAssigned(MINISTRY, HR), new WorkUnitAssigned(MINISTRY, ITC)};
    }

    /** The police's own stream: created, HR assigned (version 2). */
    private static Object[] police() {
        return new Object[]{new OrgUnitCreated(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", 2, null),
                new WorkUnitAssigned(POLICE, HR)};
    }

    private static Object[] policeCluj() {
        return new Object[]{new OrgUnitCreated(POLICE_CLUJ, POLICE, "IPJ Cluj", 3, County.CJ),
                new WorkUnitAssigned(POLICE_CLUJ, HR)};
    }

    /** Another org unit, known to the lookup only; returns its id. */
    private UUID unit(UUID parent, String name) {
        UUID id = UUID.randomUUID();
        int level = tree.orgUnit(parent).orElseThrow().level() + 1;
        tree.apply(new OrgUnitCreated(id, parent, name, level, tree.orgUnit(parent).orElseThrow().county()));
        return id;
    }

    // ---------------------------------------------------------------- the root

    @Test
    void initialising_creates_the_root_at_level_zero() {
        UUID root = UUID.randomUUID();
        InMemoryOrgTree empty = new InMemoryOrgTree();
        FixtureConfiguration<OrgUnit> fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(empty);
        fixture.givenNoPriorActivity()
                .when(new InitialiseOrganisation(root, " MARC "))
                .expectEvents(new OrgUnitCreated(root, null, "MARC", 0, null))
                .expectResultMessagePayload(1L);
        assertThat(empty.locks()).isEqualTo(1);
    }

    @Test
    void only_one_root_may_ever_exist() {
        fixture().givenNoPriorActivity()
                .when(new InitialiseOrganisation(UUID.randomUUID(), "MARC"))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "rootOrgUnitId", "ROOT_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void initialising_again_with_the_same_root_changes_nothing_and_another_name_is_a_conflict() {
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new InitialiseOrganisation(ROOT, "MARC"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new InitialiseOrganisation(ROOT, "Altceva"))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "rootOrgUnitId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void the_root_is_neither_moved_nor_deactivated_nor_given_work_units() {
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new MoveOrgUnit(ROOT, MINISTRY, 1))
                .expectException(rejected("id", "ROOT_IMMOVABLE"));
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new DeactivateOrgUnit(ROOT, 1))
                .expectException(rejected("id", "ROOT_PERMANENT"));
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new AssignWorkUnits(ROOT, List.of(HR), 1))
                .expectException(rejected("orgUnitId", "ROOT_HOLDS_CATALOGUE"));
    }

    @Test
    void the_root_can_be_renamed() {
        fixture().given(new OrgUnitCreated(ROOT, null, "MARC", 0, null))
                .when(new RenameOrgUnit(ROOT, "MARC — MAI", 1))
                .expectEvents(new OrgUnitRenamed(ROOT, "MARC — MAI", "MARC"))
                .expectResultMessagePayload(2L);
    }

    // ---------------------------------------------------------------- create

    @Test
    void level_is_derived_from_the_parent_and_county_is_inherited() {
        UUID station = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(station, POLICE_CLUJ, "  Poliția   Municipiului Cluj-Napoca ", null))
                .expectEvents(new OrgUnitCreated(station, POLICE_CLUJ, "Poliția Municipiului Cluj-Napoca", 4, County.CJ))
                .expectResultMessagePayload(1L);
        assertThat(tree.locks()).as("a create takes the tree lock").isEqualTo(1);
    }

    @Test
    void a_county_structure_names_its_county_under_a_national_parent() {
        UUID ipjIasi = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(ipjIasi, POLICE, "IPJ Iași", County.IS))
                .expectEvents(new OrgUnitCreated(ipjIasi, POLICE, "IPJ Iași", 3, County.IS));
    }

    @Test
    void a_structure_under_a_county_cannot_declare_another_county() {
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), POLICE_CLUJ, "Secția 1", County.IS))
                .expectException(rejected("county", "COUNTY_MISMATCH"))
                .expectExceptionMessage(containsString("Cluj"))
                .expectNoEvents();
    }

    @Test
    void sibling_names_are_unique_ignoring_case_and_diacritics() {
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "INSPECTORATUL GENERAL AL POLITIEI ROMANE", null))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"))
                .expectExceptionMessage(containsString("'Ministerul Afacerilor Interne' already has a sub-structure named "
                        + "'Inspectoratul General al Poliției Române'"))
                .expectNoEvents();
    }

    @Test
    void the_same_name_is_allowed_under_another_parent() {
        UUID other = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(other, POLICE, "Ministerul Afacerilor Interne", null))
                .expectEvents(new OrgUnitCreated(other, POLICE, "Ministerul Afacerilor Interne", 3, null));
    }

    @Test
    void no_new_structure_under_a_deactivated_parent() {
        UUID closed = unit(MINISTRY, "Direcția Închisă");
        tree.apply(new OrgUnitDeactivated(closed));
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), closed, "Nou", null))
                .expectException(rejected("parentId", "PARENT_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void unknown_or_missing_parent_is_refused() {
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), UUID.randomUUID(), "X", null))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "parentId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), null, "X", null))
                .expectException(rejected("parentId", "REQUIRED"));
    }

    @Test
    void empty_and_overlong_names_are_refused() {
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "   ", null))
                .expectException(rejected("name", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "x".repeat(201), null))
                .expectException(rejected("name", "TOO_LONG"));
    }

    @Test
    void a_create_retried_with_the_same_content_returns_the_first_result_and_changes_nothing() {
        UUID station = UUID.randomUUID();
        OrgUnitCreated created = new OrgUnitCreated(station, POLICE_CLUJ, "Secția 1", 4, County.CJ);
        tree.apply(created);
        // the county inherited then, asked for now or left out again: the same content
        fixture().given(created, new OrgUnitRenamed(station, "Secția 1 Cluj", "Secția 1"))
                .when(new CreateOrgUnit(station, POLICE_CLUJ, " Secția 1 ", null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(created)
                .when(new CreateOrgUnit(station, POLICE_CLUJ, "Secția 1", County.CJ))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_create_with_a_taken_id_and_other_content_is_a_conflict() {
        fixture().given(police())
                .when(new CreateOrgUnit(POLICE, MINISTRY, "Alt nume", null))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"))
                .expectNoEvents();
        fixture().given(police())
                .when(new CreateOrgUnit(POLICE, ROOT, "Inspectoratul General al Poliției Române", null))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"));
        fixture().given(police())
                .when(new CreateOrgUnit(POLICE, MINISTRY, "Inspectoratul General al Poliției Române", County.CJ))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"));
    }

    @Test
    void an_id_taken_by_another_kind_of_entity_is_a_conflict() {
        UUID id = UUID.randomUUID();
        fixture().given(new WorkUnitDefined(id, "Arhivă"))
                .when(new CreateOrgUnit(id, MINISTRY, "Arhiva", null))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "id", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- rename

    @Test
    void renaming_checks_uniqueness_among_siblings() {
        UUID gendarmerie = unit(MINISTRY, "Jandarmeria Română");
        fixture().given(new OrgUnitCreated(gendarmerie, MINISTRY, "Jandarmeria Română", 2, null))
                .when(new RenameOrgUnit(gendarmerie, "Inspectoratul General al Poliţiei Române", 1))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"))
                .expectNoEvents();
        assertThat(tree.locks()).as("a rename relies on the unique index, not on the lock").isZero();
    }

    @Test
    void renaming_bumps_the_version_and_keeps_the_previous_name() {
        fixture().given(police())
                .when(new RenameOrgUnit(POLICE, "Poliția Română", 2))
                .expectEvents(new OrgUnitRenamed(POLICE, "Poliția Română", "Inspectoratul General al Poliției Române"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void renaming_to_the_same_name_changes_nothing() {
        fixture().given(police())
                .when(new RenameOrgUnit(POLICE, "Inspectoratul General al Poliției Române ", 2))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_stale_expected_version_is_a_conflict() {
        fixture().given(police())
                .andGiven(new OrgUnitRenamed(POLICE, "IGPR", "Inspectoratul General al Poliției Române"))
                .when(new RenameOrgUnit(POLICE, "Poliția Română", 2))
                .expectException(rejected(CommandRejected.Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void a_command_for_an_unknown_org_unit_is_not_found() {
        UUID nobody = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new RenameOrgUnit(nobody, "X", 1))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "id", "NOT_FOUND"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new AssignWorkUnits(nobody, List.of(HR), 1))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND"));
        fixture().givenNoPriorActivity()
                .when(new DeactivateOrgUnit(nobody, 1))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "id", "NOT_FOUND"));
    }

    // ---------------------------------------------------------------- move

    @Test
    void moving_shifts_the_level() {
        UUID unit = unit(POLICE, "Serviciul Logistic");
        fixture().given(new OrgUnitCreated(unit, POLICE, "Serviciul Logistic", 3, null))
                .when(new MoveOrgUnit(unit, MINISTRY, 1))
                .expectEvents(new OrgUnitMoved(unit, POLICE, MINISTRY, 3, 2))
                .expectResultMessagePayload(2L);
        assertThat(tree.locks()).isEqualTo(1);
    }

    @Test
    void an_org_unit_cannot_move_under_its_own_subtree() {
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, POLICE_CLUJ, 2))
                .expectException(rejected("newParentId", "CYCLE"))
                .expectNoEvents();
    }

    @Test
    void an_org_unit_cannot_move_under_itself() {
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, POLICE, 2))
                .expectException(rejected("newParentId", "CYCLE"));
    }

    @Test
    void moving_under_the_current_parent_is_refused() {
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, MINISTRY, 2))
                .expectException(rejected("newParentId", "SAME_PARENT"));
    }

    @Test
    void moving_requires_the_new_parent_to_hold_the_work_units() {
        UUID gendarmerie = unit(MINISTRY, "Jandarmeria");
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, gendarmerie, 2))
                .expectException(rejected("newParentId", "WORK_UNITS_NOT_HELD_BY_PARENT"))
                .expectExceptionMessage(containsString("Resurse umane"));
    }

    @Test
    void moving_under_a_deactivated_or_unknown_parent_is_refused() {
        UUID closed = unit(MINISTRY, "Direcția Închisă");
        tree.apply(new OrgUnitDeactivated(closed));
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, closed, 2))
                .expectException(rejected("newParentId", "PARENT_INACTIVE"));
        fixture().given(police())
                .when(new MoveOrgUnit(POLICE, UUID.randomUUID(), 2))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "newParentId", "NOT_FOUND"));
    }

    @Test
    void a_national_structure_cannot_move_under_a_county_structure() {
        UUID service = unit(MINISTRY, "Serviciul Special");
        fixture().given(new OrgUnitCreated(service, MINISTRY, "Serviciul Special", 2, null))
                .when(new MoveOrgUnit(service, POLICE_CLUJ, 1))
                .expectException(rejected("newParentId", "COUNTY_MISMATCH"))
                .expectExceptionMessage(containsString("Cluj"));
    }

    @Test
    void moving_requires_a_name_unique_among_the_new_siblings() {
        UUID namesake = unit(MINISTRY, "IPJ CLUJ");
        fixture().given(new OrgUnitCreated(namesake, MINISTRY, "IPJ CLUJ", 2, null))
                .when(new MoveOrgUnit(namesake, POLICE, 1))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- deactivate, reactivate

    @Test
    void deactivation_is_refused_while_active_children_exist() {
        fixture().given(police())
                .when(new DeactivateOrgUnit(POLICE, 2))
                .expectException(rejected("id", "HAS_ACTIVE_CHILDREN"))
                .expectExceptionMessage(containsString("IPJ Cluj"));
    }

    @Test
    void a_unit_whose_children_are_inactive_is_deactivated_once() {
        tree.apply(new OrgUnitDeactivated(POLICE_CLUJ));
        fixture().given(police())
                .when(new DeactivateOrgUnit(POLICE, 2))
                .expectEvents(new OrgUnitDeactivated(POLICE))
                .expectResultMessagePayload(3L);
        fixture().given(police())
                .andGiven(new OrgUnitDeactivated(POLICE))
                .when(new DeactivateOrgUnit(POLICE, 3))
                .expectException(rejected("id", "ALREADY_INACTIVE"));
    }

    @Test
    void no_reactivation_below_a_deactivated_parent() {
        tree.apply(new OrgUnitDeactivated(POLICE_CLUJ), new OrgUnitDeactivated(POLICE));
        fixture().given(policeCluj())
                .andGiven(new OrgUnitDeactivated(POLICE_CLUJ))
                .when(new ReactivateOrgUnit(POLICE_CLUJ, 3))
                .expectException(rejected("id", "PARENT_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void reactivation_under_an_active_parent() {
        tree.apply(new OrgUnitDeactivated(POLICE_CLUJ));
        fixture().given(policeCluj())
                .andGiven(new OrgUnitDeactivated(POLICE_CLUJ))
                .when(new ReactivateOrgUnit(POLICE_CLUJ, 3))
                .expectEvents(new OrgUnitReactivated(POLICE_CLUJ))
                .expectResultMessagePayload(4L);
        fixture().given(policeCluj())
                .when(new ReactivateOrgUnit(POLICE_CLUJ, 2))
                .expectException(rejected("id", "ALREADY_ACTIVE"));
    }

    // ---------------------------------------------------------------- work units

    @Test
    void work_units_must_be_held_by_the_parent() {
        fixture().given(policeCluj())
                .when(new AssignWorkUnits(POLICE_CLUJ, List.of(ITC), 2))
                .expectException(rejected("workUnitIds", "NOT_HELD_BY_PARENT"))
                .expectNoEvents();
    }

    @Test
    void under_the_root_every_work_unit_of_the_catalogue_is_held() {
        fixture().given(new OrgUnitCreated(MINISTRY, ROOT, "Ministerul Afacerilor Interne", 1, null))
                .when(new AssignWorkUnits(MINISTRY, List.of(HR, ITC), 1))
                .expectEvents(new WorkUnitAssigned(MINISTRY, HR), new WorkUnitAssigned(MINISTRY, ITC))
                .expectResultMessagePayload(3L);
    }

    @Test
    void assigning_several_work_units_bumps_the_version_once_per_assignment() {
        fixture().given(police())
                .when(new AssignWorkUnits(POLICE, List.of(ITC, HR), 2))
                .expectEvents(new WorkUnitAssigned(POLICE, ITC))
                .expectResultMessagePayload(3L);
        assertThat(tree.locks()).isEqualTo(1);
    }

    @Test
    void retired_work_units_cannot_be_newly_assigned() {
        tree.apply(new WorkUnitRetired(ITC));
        fixture().given(police())
                .when(new AssignWorkUnits(POLICE, List.of(ITC), 2))
                .expectException(rejected("workUnitIds", "WORK_UNIT_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void assigning_nothing_or_an_unknown_work_unit_is_refused() {
        fixture().given(police())
                .when(new AssignWorkUnits(POLICE, List.of(), 2))
                .expectException(rejected("workUnitIds", "REQUIRED"));
        fixture().given(police())
                .when(new AssignWorkUnits(POLICE, List.of(UUID.randomUUID()), 2))
                .expectException(rejected(CommandRejected.Reason.NOT_FOUND, "workUnitIds", "NOT_FOUND"));
    }

    @Test
    void unassigning_a_work_unit_still_used_below_names_the_users() {
        UUID station = unit(POLICE_CLUJ, "Secția 1");
        tree.apply(new WorkUnitAssigned(station, HR));
        fixture().given(police())
                .when(new UnassignWorkUnit(POLICE, HR, 2))
                .expectException(org.hamcrest.Matchers.allOf(rejected("workUnitId", "USED_BY_DESCENDANTS"),
                        details("usedBy", List.of(Map.of("id", POLICE_CLUJ.toString(), "name", "IPJ Cluj"),
                                Map.of("id", station.toString(), "name", "Secția 1")))))
                .expectExceptionMessage(containsString("IPJ Cluj, Secția 1"))
                .expectNoEvents();
    }

    @Test
    void unassigning_from_the_leaf_works() {
        fixture().given(policeCluj())
                .when(new UnassignWorkUnit(POLICE_CLUJ, HR, 2))
                .expectEvents(new WorkUnitUnassigned(POLICE_CLUJ, HR))
                .expectResultMessagePayload(3L);
        assertThat(tree.locks()).isEqualTo(1);
    }

    @Test
    void unassigning_what_is_not_assigned_is_refused() {
        fixture().given(policeCluj())
                .when(new UnassignWorkUnit(POLICE_CLUJ, ITC, 2))
                .expectException(rejected("workUnitId", "NOT_ASSIGNED"));
    }

    private static Matcher<CommandRejected> details(String key, Object value) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return value.equals(item.details().get(key));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("details " + key + "=" + value);
            }
        };
    }
}
