package ro.marc.command.access;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

class AccessDirectoryTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";
    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID OTHER_UNIT = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID ADMIN_2 = UUID.randomUUID();
    private static final UUID HEAD = UUID.randomUUID();
    private static final UUID COUNSELLOR = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OUTSIDER = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();

    private FixtureConfiguration<AccessDirectory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessDirectory.class);
        fixture.registerCommandTargetResolver(new AccessDirectoryTargetResolver());
    }

    private static RegisterUser register(UUID userId, String subject, String name, UUID orgUnitId) {
        return new RegisterUser(userId, ISSUER, subject, name, subject + "@mai.gov.ro", orgUnitId);
    }

    /** One central admin (version 2), a head (2), a counsellor (2) and a member (2) of UNIT, an outsider (2) elsewhere. */
    private Object[] directory() {
        return new Object[]{
                register(ADMIN, "admin", "Ana Admin", UNIT),
                new GrantRole(ADMIN, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                register(HEAD, "head", "Horia Șef", UNIT),
                new GrantRole(HEAD, Role.WORKING_GROUP_HEAD, Set.of(), false, 1),
                register(COUNSELLOR, "counsellor", "Carmen Consilier", UNIT),
                new GrantRole(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, Set.of(), true, 1),
                register(MEMBER, "member", "Mihai Membru", UNIT),
                new GrantRole(MEMBER, Role.WORKING_GROUP_MEMBER, Set.of(), false, 1),
                register(OUTSIDER, "outsider", "Otilia Din Altă Parte", OTHER_UNIT),
                new GrantRole(OUTSIDER, Role.WORKING_GROUP_MEMBER, Set.of(), false, 1)};
    }

    /** {@link #directory()} plus GROUP in UNIT with head (leader) and member: group version 4. */
    private Object[] directoryWithGroup() {
        Object[] base = directory();
        Object[] group = {
                new DefineWorkingGroup(GROUP, UNIT, "Grupul de lucru anticorupție"),
                new AddWorkingGroupMember(GROUP, HEAD, 1),
                new AddWorkingGroupMember(GROUP, MEMBER, 2),
                new AppointWorkingGroupLeader(GROUP, HEAD, 3)};
        Object[] all = java.util.Arrays.copyOf(base, base.length + group.length);
        System.arraycopy(group, 0, all, base.length, group.length);
        return all;
    }

    // ---------------------------------------------------------------- creating the stream

    @Test
    void the_first_registration_on_an_empty_stream_creates_the_directory_and_tidies_the_input() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADMIN, ISSUER, " abc-123 ", "  Ana   Admin ", "  Ana.Admin@MAI.gov.RO ", UNIT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(ADMIN, ISSUER, "abc-123", "Ana Admin", "ana.admin@mai.gov.ro", UNIT, 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void defining_a_working_group_on_an_empty_stream_creates_the_directory() {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingGroup(GROUP, UNIT, " Grupul  de lucru "))
                .expectEvents(new WorkingGroupDefined(GROUP, UNIT, "Grupul de lucru", 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void any_other_command_on_an_empty_stream_is_a_typed_not_found() {
        fixture.givenNoPriorActivity()
                .when(new GrantRole(ADMIN, Role.CENTRAL_ADMIN, Set.of(), false, 1))
                .expectException(rejected(Reason.NOT_FOUND, "userId", "NOT_FOUND"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AddWorkingGroupMember(GROUP, ADMIN, 1))
                .expectException(rejected(Reason.NOT_FOUND, "workingGroupId", "NOT_FOUND"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- registering

    @Test
    void a_user_id_is_used_once() {
        fixture.givenCommands(directory())
                .when(register(ADMIN, "someone-else", "Altcineva", UNIT))
                .expectException(rejected(Reason.INVALID, "userId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void an_identity_is_linked_to_one_account() {
        fixture.givenCommands(directory())
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "head", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectException(new TypeSafeMatcher<CommandRejected>() {
                    @Override
                    protected boolean matchesSafely(CommandRejected item) {
                        return item.reason() == Reason.CONFLICT && item.field().equals("subject")
                                && item.code().equals("IDENTITY_IN_USE")
                                && item.details().equals(Map.of("userId", HEAD.toString()));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("IDENTITY_IN_USE naming " + HEAD);
                    }
                })
                .expectNoEvents();
    }

    @Test
    void identities_compare_exactly_issuer_and_subject() {
        fixture.givenCommands(directory())
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "HEAD", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectSuccessfulHandlerExecution();
        fixture.givenCommands(directory())
                .when(new RegisterUser(UUID.randomUUID(), "https://other-idp.example", "head", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void registration_input_is_validated_field_by_field() {
        UUID id = UUID.randomUUID();
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "x", "X", "not-an-email", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "INVALID_EMAIL")).expectNoEvents();
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "x", "X", "  ", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "REQUIRED"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "x", "X", "a".repeat(250) + "@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "TOO_LONG"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, " ", "x", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "issuer", "REQUIRED"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "s".repeat(256), "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "subject", "TOO_LONG"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "x", "   ", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "displayName", "REQUIRED"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(id, ISSUER, "x", "X", "x@b.ro", null))
                .expectException(rejected(Reason.INVALID, "orgUnitId", "REQUIRED"));
        fixture.givenCommands(directory())
                .when(new RegisterUser(null, ISSUER, "x", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "userId", "REQUIRED"));
    }

    // ---------------------------------------------------------------- details

    @Test
    void updating_details_bumps_the_version_and_normalises() {
        fixture.givenCommands(directory())
                .when(new UpdateUserDetails(MEMBER, " Mihai  Popescu ", "Mihai.Popescu@MAI.gov.ro", 2))
                .expectEvents(new UserDetailsUpdated(MEMBER, "Mihai Popescu", "mihai.popescu@mai.gov.ro", 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_stale_expected_version_is_a_conflict_and_changes_nothing() {
        fixture.givenCommands(directory())
                .andGivenCommands(new UpdateUserDetails(MEMBER, "Mihai Popescu", "mihai@mai.gov.ro", 2))
                .when(new UpdateUserDetails(MEMBER, "Mihai Ionescu", "mihai@mai.gov.ro", 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
        fixture.givenCommands(directory())
                .andGivenCommands(new UpdateUserDetails(MEMBER, "Mihai Popescu", "mihai@mai.gov.ro", 2))
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(), false, 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_user_is_not_found() {
        fixture.givenCommands(directory())
                .when(new UpdateUserDetails(UUID.randomUUID(), "X", "x@b.ro", 1))
                .expectException(rejected(Reason.NOT_FOUND, "userId", "NOT_FOUND"));
    }

    // ---------------------------------------------------------------- roles

    @Test
    void a_territorial_admin_needs_a_county_and_counties_are_sorted() {
        fixture.givenCommands(directory())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(), false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTY_REQUIRED"))
                .expectNoEvents();
        fixture.givenCommands(directory())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, null, false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTY_REQUIRED"));
        fixture.givenCommands(directory())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(County.IS, County.AB, County.CJ), false, 2))
                .expectEvents(new RoleGranted(MEMBER, Role.TERRITORIAL_ADMIN, List.of(County.AB, County.CJ, County.IS), false, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void counties_are_refused_with_any_other_role() {
        fixture.givenCommands(directory())
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(County.CJ), false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTIES_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void the_system_role_is_not_grantable() {
        fixture.givenCommands(directory())
                .when(new GrantRole(ADMIN, Role.SYSTEM, Set.of(), false, 2))
                .expectException(rejected(Reason.INVALID, "role", "ROLE_NOT_GRANTABLE"))
                .expectNoEvents();
    }

    @Test
    void the_member_workflow_flag_is_only_for_integrity_counsellors() {
        fixture.givenCommands(directory())
                .when(new GrantRole(HEAD, Role.WORKING_GROUP_HEAD, Set.of(), true, 2))
                .expectException(rejected(Reason.INVALID, "followsMemberWorkflow", "FLAG_NOT_ALLOWED"));
        fixture.givenCommands(directory())
                .when(new GrantRole(MEMBER, Role.INTEGRITY_COUNSELLOR, Set.of(), true, 2))
                .expectEvents(new RoleGranted(MEMBER, Role.INTEGRITY_COUNSELLOR, List.of(), true, 3));
    }

    @Test
    void regranting_replaces_the_terms_but_identical_terms_are_no_change() {
        fixture.givenCommands(directory())
                .when(new GrantRole(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, Set.of(), true, 2))
                .expectException(rejected(Reason.INVALID, "role", "NO_CHANGE"))
                .expectNoEvents();
        fixture.givenCommands(directory())
                .when(new GrantRole(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, Set.of(), false, 2))
                .expectEvents(new RoleGranted(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, List.of(), false, 3));
        fixture.givenCommands(directory())
                .andGivenCommands(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(County.CJ), false, 2))
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(County.CJ, County.B), false, 3))
                .expectEvents(new RoleGranted(MEMBER, Role.TERRITORIAL_ADMIN, List.of(County.CJ, County.B), false, 4));
    }

    @Test
    void roles_are_not_granted_to_a_deactivated_account() {
        fixture.givenCommands(directory())
                .andGivenCommands(new DeactivateUser(MEMBER, null, 2))
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(), false, 3))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void only_a_held_role_can_be_revoked() {
        fixture.givenCommands(directory())
                .when(new RevokeRole(MEMBER, Role.AUDITOR, 2))
                .expectException(rejected(Reason.INVALID, "role", "ROLE_NOT_HELD"));
        fixture.givenCommands(directory())
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 2))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void the_last_active_central_admin_cannot_be_revoked_even_if_an_inactive_admin_exists() {
        fixture.givenCommands(directory())
                .andGivenCommands(register(ADMIN_2, "admin2", "Bogdan Admin", UNIT),
                        new GrantRole(ADMIN_2, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                        new DeactivateUser(ADMIN_2, "pensionat", 2))
                .when(new RevokeRole(ADMIN, Role.CENTRAL_ADMIN, 2))
                .expectException(rejected(Reason.CONFLICT, "role", "LAST_CENTRAL_ADMIN"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("grant the role to someone else"))
                .expectNoEvents();
    }

    @Test
    void a_central_admin_can_be_revoked_once_another_active_admin_exists() {
        fixture.givenCommands(directory())
                .andGivenCommands(register(ADMIN_2, "admin2", "Bogdan Admin", UNIT),
                        new GrantRole(ADMIN_2, Role.CENTRAL_ADMIN, Set.of(), false, 1))
                .when(new RevokeRole(ADMIN, Role.CENTRAL_ADMIN, 2))
                .expectEvents(new RoleRevoked(ADMIN, Role.CENTRAL_ADMIN, 3));
    }

    @Test
    void an_inactive_central_admin_can_lose_the_role() {
        fixture.givenCommands(directory())
                .andGivenCommands(register(ADMIN_2, "admin2", "Bogdan Admin", UNIT),
                        new GrantRole(ADMIN_2, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                        new DeactivateUser(ADMIN_2, null, 2))
                .when(new RevokeRole(ADMIN_2, Role.CENTRAL_ADMIN, 3))
                .expectEvents(new RoleRevoked(ADMIN_2, Role.CENTRAL_ADMIN, 4));
    }

    // ---------------------------------------------------------------- deactivation

    @Test
    void the_last_active_central_admin_cannot_be_deactivated_even_if_an_inactive_admin_exists() {
        fixture.givenCommands(directory())
                .andGivenCommands(register(ADMIN_2, "admin2", "Bogdan Admin", UNIT),
                        new GrantRole(ADMIN_2, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                        new DeactivateUser(ADMIN_2, null, 2))
                .when(new DeactivateUser(ADMIN, "plecat", 2))
                .expectException(rejected(Reason.CONFLICT, "userId", "LAST_CENTRAL_ADMIN"))
                .expectNoEvents();
    }

    @Test
    void a_central_admin_can_be_deactivated_once_another_active_admin_exists() {
        fixture.givenCommands(directory())
                .andGivenCommands(register(ADMIN_2, "admin2", "Bogdan Admin", UNIT),
                        new GrantRole(ADMIN_2, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                        new DeactivateUser(ADMIN_2, null, 2),
                        new ReactivateUser(ADMIN_2, 3))
                .when(new DeactivateUser(ADMIN, "  plecat  ", 2))
                .expectEvents(new UserDeactivated(ADMIN, "plecat", 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void deactivation_and_reactivation_are_refused_when_nothing_would_change() {
        fixture.givenCommands(directory())
                .andGivenCommands(new DeactivateUser(MEMBER, null, 2))
                .when(new DeactivateUser(MEMBER, null, 3))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_INACTIVE"));
        fixture.givenCommands(directory())
                .when(new ReactivateUser(MEMBER, 2))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_ACTIVE"));
        fixture.givenCommands(directory())
                .andGivenCommands(new DeactivateUser(MEMBER, null, 2))
                .when(new ReactivateUser(MEMBER, 3))
                .expectEvents(new UserReactivated(MEMBER, 4));
    }

    @Test
    void a_deactivation_reason_is_at_most_500_characters() {
        fixture.givenCommands(directory())
                .when(new DeactivateUser(MEMBER, "x".repeat(501), 2))
                .expectException(rejected(Reason.INVALID, "reason", "TOO_LONG"));
        fixture.givenCommands(directory())
                .when(new DeactivateUser(MEMBER, "   ", 2))
                .expectEvents(new UserDeactivated(MEMBER, null, 3));
    }

    @Test
    void a_deactivated_account_keeps_its_roles_and_memberships() {
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new DeactivateUser(MEMBER, null, 2))
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 3))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER, 4));
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new DeactivateUser(MEMBER, null, 2))
                .when(new RemoveWorkingGroupMember(GROUP, MEMBER, 4))
                .expectEvents(new WorkingGroupMemberRemoved(GROUP, MEMBER, false, 5));
    }

    // ---------------------------------------------------------------- transfer (G05)

    @Test
    void a_transfer_records_previous_and_new_person() {
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "new-member", " Nicoleta  Nouă ", "Nicoleta@MAI.gov.ro",
                        " Mutare Mihai la IPJ Iași, 01.03 ", 2))
                .expectEvents(new UserTransferred(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro",
                        ISSUER, "new-member", "Nicoleta Nouă", "nicoleta@mai.gov.ro", "Mutare Mihai la IPJ Iași, 01.03", 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_transfer_keeps_the_roles_and_frees_the_previous_identity() {
        fixture.givenCommands(directory())
                .andGivenCommands(new TransferUser(MEMBER, ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro", "mutare", 2))
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 3))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER, 4));
        UUID returning = UUID.randomUUID();
        fixture.givenCommands(directory())
                .andGivenCommands(new TransferUser(MEMBER, ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro", "mutare", 2))
                .when(register(returning, "member", "Mihai Membru", OTHER_UNIT))
                .expectSuccessfulHandlerExecution();
        fixture.givenCommands(directory())
                .andGivenCommands(new TransferUser(MEMBER, ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro", "mutare", 2))
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "new-member", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.CONFLICT, "subject", "IDENTITY_IN_USE"));
    }

    @Test
    void a_transfer_refuses_an_identity_in_use_or_the_same_identity() {
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "head", "Horia", "h@mai.gov.ro", "mutare", 2))
                .expectException(rejected(Reason.CONFLICT, "subject", "IDENTITY_IN_USE"))
                .expectNoEvents();
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "member", "Mihai", "m@mai.gov.ro", "mutare", 2))
                .expectException(rejected(Reason.INVALID, "subject", "SAME_IDENTITY"))
                .expectNoEvents();
    }

    @Test
    void a_transfer_needs_its_details_and_valid_new_person() {
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "  ", 2))
                .expectException(rejected(Reason.INVALID, "transferDetails", "REQUIRED"));
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "x".repeat(1001), 2))
                .expectException(rejected(Reason.INVALID, "transferDetails", "TOO_LONG"));
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@", "mutare", 2))
                .expectException(rejected(Reason.INVALID, "email", "INVALID_EMAIL"));
        fixture.givenCommands(directory())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "mutare", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    @Test
    void a_deactivated_account_can_be_transferred_and_stays_deactivated() {
        fixture.givenCommands(directory())
                .andGivenCommands(new DeactivateUser(MEMBER, "post vacant", 2),
                        new TransferUser(MEMBER, ISSUER, "n", "Nicoleta", "n@mai.gov.ro", "ocupare post", 3))
                .when(new ReactivateUser(MEMBER, 4))
                .expectEvents(new UserReactivated(MEMBER, 5));
    }

    // ---------------------------------------------------------------- working groups

    @Test
    void one_working_group_per_org_unit() {
        UUID existing = UUID.randomUUID();
        fixture.givenCommands(directory())
                .andGivenCommands(new DefineWorkingGroup(existing, UNIT, "GL"))
                .when(new DefineWorkingGroup(GROUP, UNIT, "Alt GL"))
                .expectException(new TypeSafeMatcher<CommandRejected>() {
                    @Override
                    protected boolean matchesSafely(CommandRejected item) {
                        return item.reason() == Reason.CONFLICT && item.field().equals("orgUnitId")
                                && item.code().equals("WORKING_GROUP_EXISTS")
                                && item.details().equals(Map.of("workingGroupId", existing.toString()));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("WORKING_GROUP_EXISTS naming " + existing);
                    }
                })
                .expectNoEvents();
        fixture.givenCommands(directory())
                .andGivenCommands(new DefineWorkingGroup(GROUP, UNIT, "GL"))
                .when(new DefineWorkingGroup(GROUP, OTHER_UNIT, "GL 2"))
                .expectException(rejected(Reason.INVALID, "workingGroupId", "DUPLICATE_ID"));
        fixture.givenCommands(directory())
                .when(new DefineWorkingGroup(GROUP, UNIT, ""))
                .expectException(rejected(Reason.INVALID, "name", "REQUIRED"));
    }

    @Test
    void members_are_active_accounts_of_the_group_org_unit_holding_a_working_group_role() {
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, OUTSIDER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "OTHER_ORG_UNIT"))
                .expectNoEvents();
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, ADMIN, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ROLE_REQUIRED"));
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new DeactivateUser(COUNSELLOR, null, 2))
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"));
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, MEMBER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_MEMBER"));
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectEvents(new WorkingGroupMemberAdded(GROUP, COUNSELLOR, 5))
                .expectResultMessagePayload(5L);
    }

    @Test
    void unknown_group_or_user_is_not_found_and_a_stale_group_version_is_a_conflict() {
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(UUID.randomUUID(), COUNSELLOR, 1))
                .expectException(rejected(Reason.NOT_FOUND, "workingGroupId", "NOT_FOUND"));
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, UUID.randomUUID(), 4))
                .expectException(rejected(Reason.NOT_FOUND, "userId", "NOT_FOUND"));
        fixture.givenCommands(directoryWithGroup())
                .when(new AddWorkingGroupMember(GROUP, COUNSELLOR, 3))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void removing_the_leader_says_so() {
        fixture.givenCommands(directoryWithGroup())
                .when(new RemoveWorkingGroupMember(GROUP, HEAD, 4))
                .expectEvents(new WorkingGroupMemberRemoved(GROUP, HEAD, true, 5))
                .expectResultMessagePayload(5L);
        fixture.givenCommands(directoryWithGroup())
                .when(new RemoveWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NOT_A_MEMBER"));
    }

    @Test
    void the_leader_is_a_member_holding_head_or_counsellor() {
        fixture.givenCommands(directoryWithGroup())
                .when(new AppointWorkingGroupLeader(GROUP, MEMBER, 4))
                .expectException(rejected(Reason.INVALID, "userId", "ROLE_REQUIRED"))
                .expectNoEvents();
        fixture.givenCommands(directoryWithGroup())
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NOT_A_MEMBER"));
        fixture.givenCommands(directoryWithGroup())
                .when(new AppointWorkingGroupLeader(GROUP, HEAD, 4))
                .expectException(rejected(Reason.INVALID, "userId", "NO_CHANGE"));
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4), new DeactivateUser(COUNSELLOR, null, 2))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 5))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"));
    }

    @Test
    void appointing_a_new_leader_names_the_previous_one() {
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new AddWorkingGroupMember(GROUP, COUNSELLOR, 4))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 5))
                .expectEvents(new WorkingGroupLeaderAppointed(GROUP, COUNSELLOR, HEAD, 6))
                .expectResultMessagePayload(6L);
        fixture.givenCommands(directoryWithGroup())
                .andGivenCommands(new RemoveWorkingGroupMember(GROUP, HEAD, 4), new AddWorkingGroupMember(GROUP, COUNSELLOR, 5))
                .when(new AppointWorkingGroupLeader(GROUP, COUNSELLOR, 6))
                .expectEvents(new WorkingGroupLeaderAppointed(GROUP, COUNSELLOR, null, 7));
    }

    private static Matcher<CommandRejected> rejected(Reason reason, String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && Objects.equals(item.field(), field) && Objects.equals(item.code(), code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + ", field=" + item.field() + ", code=" + item.code() + ": "
                        + item.getMessage());
            }
        };
    }
}
