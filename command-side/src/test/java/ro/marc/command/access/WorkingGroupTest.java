package ro.marc.command.access;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ro.marc.command.common.Refused.rejected;

/**
 * {@link WorkingGroup}: given the group's past events (and, in the in-memory lookup, the accounts and
 * the other working groups), when a command, then its events or its typed refusal.
 */
class WorkingGroupTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";
    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID OTHER_UNIT = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID HEAD = UUID.randomUUID();
    private static final UUID COUNSELLOR = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();

    private FixtureConfiguration<WorkingGroup> fixture;
    private InMemoryAccessLookup lookup;

    @BeforeEach
    void setUp() {
        // the accounts: a central admin, a head, a counsellor and a member of UNIT, a member of OTHER_UNIT
        lookup = new InMemoryAccessLookup().given(
                account(ADMIN, "Ana Admin", UNIT), granted(ADMIN, Role.CENTRAL_ADMIN),
                account(HEAD, "Horia Șef", UNIT), granted(HEAD, Role.WORKING_GROUP_HEAD),
                account(COUNSELLOR, "Carmen Consilier", UNIT), new RoleGranted(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, List.of(), true),
                account(MEMBER, "Mihai Membru", UNIT), granted(MEMBER, Role.WORKING_GROUP_MEMBER),
                account(OUTSIDER, "Otilia Din Altă Parte", OTHER_UNIT), granted(OUTSIDER, Role.WORKING_GROUP_MEMBER));
        fixture = newFixture();
    }

    /** A fixture for another group (a fixture decides on one aggregate), on the same lookup. */
    private FixtureConfiguration<WorkingGroup> newFixture() {
        FixtureConfiguration<WorkingGroup> created = new AggregateTestFixture<>(WorkingGroup.class);
        created.registerInjectableResource(lookup);
        created.registerInjectableResource(new KnownOrgUnits(UNIT, OTHER_UNIT));
        return created;
    }

    private static UserRegistered account(UUID userId, String name, UUID orgUnitId) {
        return new UserRegistered(userId, ISSUER, "sub-" + userId, name, userId + "@mai.gov.ro", orgUnitId);
    }

    private static RoleGranted granted(UUID userId, Role role) {
        return new RoleGranted(userId, role, List.of(), false);
    }

    /** GROUP in UNIT with head (leader) and member: version 4. */
    private static Object[] group() {
        return new Object[]{new WorkingGroupDefined(GROUP, UNIT, "Grupul de lucru anticorupție"),
                new WorkingGroupMemberAdded(GROUP, HEAD), new WorkingGroupMemberAdded(GROUP, MEMBER),
                new WorkingGroupLeaderAppointed(GROUP, HEAD, null)};
    }

    // ---------------------------------------------------------------- defining

    @Test
    void defining_creates_the_group_at_version_1_and_tidies_the_name() {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, UNIT, " Grupul  de lucru "))
                .expectEvents(new WorkingGroupDefined(GROUP, UNIT, "Grupul de lucru"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_definition_retried_with_the_same_id_and_content_answers_the_first_result_and_applies_nothing() {
        fixture.given(group())
                .when(new DefineWorkingGroup(GROUP, UNIT, "Grupul  de lucru anticorupție "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_id_whose_stream_holds_another_kind_of_entity_is_a_duplicate_id() {
        fixture.given(new ro.marc.events.org.event.OrgUnitCreated(GROUP, null, "Structură", 1, null))
                .when(new DefineWorkingGroup(GROUP, UNIT, "Grupul de lucru anticorupție"))
                .expectException(rejected(Reason.CONFLICT, "workingGroupId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void the_same_group_id_with_other_content_is_a_duplicate_id() {
        fixture.given(group())
                .when(new DefineWorkingGroup(GROUP, OTHER_UNIT, "Grupul de lucru anticorupție"))
                .expectException(rejected(Reason.CONFLICT, "workingGroupId", "DUPLICATE_ID"))
                .expectNoEvents();
        fixture.given(group())
                .when(new DefineWorkingGroup(GROUP, UNIT, "Alt nume"))
                .expectException(rejected(Reason.CONFLICT, "workingGroupId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void one_working_group_per_org_unit() {
        UUID existing = UUID.randomUUID();
        lookup.given(new WorkingGroupDefined(existing, UNIT, "GL"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, UNIT, "Alt GL"))
                .expectException(rejected(Reason.CONFLICT, "orgUnitId", "WORKING_GROUP_EXISTS",
                        Map.of("workingGroupId", existing.toString())))
                .expectExceptionMessage("Org unit " + UNIT + " already has a working group: 'GL'")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, OTHER_UNIT, "GL 2"))
                .expectEvents(new WorkingGroupDefined(GROUP, OTHER_UNIT, "GL 2"));
    }

    @Test
    void the_org_unit_must_exist_and_org_unit_and_name_are_required() {
        UUID nowhere = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, nowhere, "GL"))
                .expectException(rejected(Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND", Map.of("id", nowhere.toString())))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, null, "GL"))
                .expectException(rejected(Reason.INVALID, "orgUnitId", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, UNIT, ""))
                .expectException(rejected(Reason.INVALID, "name", "REQUIRED"));
        newFixture().givenNoPriorActivity()
                .when(new DefineWorkingGroup(null, UNIT, "GL"))
                .expectException(rejected(Reason.INVALID, "workingGroupId", "REQUIRED"));
    }

    @Test
    void any_other_command_on_a_missing_group_is_a_typed_not_found() {
        for (Object command : List.of(new AddWorkingGroupMember(GROUP, MEMBER, 1),
                new RemoveWorkingGroupMember(GROUP, MEMBER, 1), new AppointWorkingGroupLeader(GROUP, HEAD, 1))) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(Reason.NOT_FOUND, "workingGroupId", "NOT_FOUND", Map.of("id", GROUP.toString())))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------- members

    @Test
    void members_are_active_accounts_of_the_group_org_unit_holding_a_working_group_role() {
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, OUTSIDER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "OTHER_ORG_UNIT"))
                .expectNoEvents();
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, ADMIN, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ROLE_REQUIRED"));
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, MEMBER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_MEMBER"));
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectEvents(new WorkingGroupMemberAdded(GROUP, COUNSELLOR))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_deactivated_account_is_not_added() {
        lookup.given(new UserDeactivated(COUNSELLOR, null));
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void a_role_revoked_since_is_what_counts() {
        lookup.given(new RoleRevoked(COUNSELLOR, Role.INTEGRITY_COUNSELLOR));
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ROLE_REQUIRED"));
    }

    @Test
    void an_unknown_user_is_not_found_and_a_stale_group_version_is_a_conflict() {
        UUID nobody = UUID.randomUUID();
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, nobody, 4))
                .expectException(rejected(Reason.NOT_FOUND, "userId", "NOT_FOUND", Map.of("id", nobody.toString())));
        fixture.given(group())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 3))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void removing_the_leader_says_so() {
        fixture.given(group())
                .when(new RemoveWorkingGroupMember(GROUP, HEAD, 4))
                .expectEvents(new WorkingGroupMemberRemoved(GROUP, HEAD, true))
                .expectResultMessagePayload(5L);
        fixture.given(group())
                .when(new RemoveWorkingGroupMember(GROUP, MEMBER, 4))
                .expectEvents(new WorkingGroupMemberRemoved(GROUP, MEMBER, false));
        fixture.given(group())
                .when(new RemoveWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NOT_A_MEMBER"));
    }

    @Test
    void a_deactivated_account_keeps_its_membership_until_removed() {
        lookup.given(new UserDeactivated(MEMBER, null));
        fixture.given(group())
                .when(new RemoveWorkingGroupMember(GROUP, MEMBER, 4))
                .expectEvents(new WorkingGroupMemberRemoved(GROUP, MEMBER, false));
    }

    // ---------------------------------------------------------------- the leader

    @Test
    void the_leader_is_an_active_member_holding_head_or_counsellor() {
        fixture.given(group())
                .when(new AppointWorkingGroupLeader(GROUP, MEMBER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ROLE_REQUIRED"))
                .expectNoEvents();
        fixture.given(group())
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NOT_A_MEMBER"));
        fixture.given(group())
                .when(new AppointWorkingGroupLeader(GROUP, HEAD, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NO_CHANGE"));
        lookup.given(new UserDeactivated(COUNSELLOR, null));
        fixture.given(group())
                .andGiven(new WorkingGroupMemberAdded(GROUP, COUNSELLOR))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 5))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"));
    }

    @Test
    void appointing_a_new_leader_names_the_previous_one() {
        fixture.given(group())
                .andGiven(new WorkingGroupMemberAdded(GROUP, COUNSELLOR))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 5))
                .expectEvents(new WorkingGroupLeaderAppointed(GROUP, COUNSELLOR, HEAD))
                .expectResultMessagePayload(6L);
    }

    @Test
    void removing_the_leader_clears_the_leader() {
        fixture.given(group())
                .andGiven(new WorkingGroupMemberRemoved(GROUP, HEAD, true), new WorkingGroupMemberAdded(GROUP, COUNSELLOR))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 6))
                .expectEvents(new WorkingGroupLeaderAppointed(GROUP, COUNSELLOR, null))
                .expectResultMessagePayload(7L);
        // a former leader added back is not the leader again until appointed
        fixture.given(group())
                .andGiven(new WorkingGroupMemberRemoved(GROUP, HEAD, true), new WorkingGroupMemberAdded(GROUP, HEAD))
                .when(new AppointWorkingGroupLeader(GROUP, HEAD, 6))
                .expectEvents(new WorkingGroupLeaderAppointed(GROUP, HEAD, null));
    }
}
