package ro.marc.command.access;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.command.common.Refused.rejected;

/**
 * {@link UserAccount}: given the account's past events (and, in the in-memory lookup, what other
 * accounts exist), when a command, then its events or its typed refusal.
 */
class UserAccountTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";
    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID OTHER_UNIT = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID ADMIN_2 = UUID.randomUUID();
    private static final UUID HEAD = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();

    private FixtureConfiguration<UserAccount> fixture;
    private InMemoryAccessLookup lookup;

    @BeforeEach
    void setUp() {
        lookup = new InMemoryAccessLookup();
        fixture = newFixture();
    }

    /** A fixture for another account (a fixture decides on one aggregate), on the same lookup. */
    private FixtureConfiguration<UserAccount> newFixture() {
        FixtureConfiguration<UserAccount> created = new AggregateTestFixture<>(UserAccount.class);
        created.registerInjectableResource(lookup);
        created.registerInjectableResource(new KnownOrgUnits(UNIT, OTHER_UNIT));
        return created;
    }

    private static UserRegistered registered(UUID userId, String subject, String name) {
        return new UserRegistered(userId, ISSUER, subject, name, subject + "@mai.gov.ro", UNIT);
    }

    private static RoleGranted granted(UUID userId, Role role) {
        return new RoleGranted(userId, role, List.of(), false);
    }

    /** The member's account: registered and granted WORKING_GROUP_MEMBER (version 2). */
    private static Object[] member() {
        return new Object[]{registered(MEMBER, "member", "Mihai Membru"), granted(MEMBER, Role.WORKING_GROUP_MEMBER)};
    }

    /** The central administrator's account (version 2). */
    private static Object[] admin() {
        return new Object[]{registered(ADMIN, "admin", "Ana Admin"), granted(ADMIN, Role.CENTRAL_ADMIN)};
    }

    /** In the lookup: the administrator itself and a second central administrator (active unless said). */
    private void twoCentralAdmins(boolean secondActive) {
        lookup.given(admin()).given(registered(ADMIN_2, "admin2", "Bogdan Admin"), granted(ADMIN_2, Role.CENTRAL_ADMIN));
        if (!secondActive) {
            lookup.given(new UserDeactivated(ADMIN_2, "pensionat"));
        }
    }

    // ---------------------------------------------------------------- registering

    @Test
    void registering_creates_the_account_at_version_1_and_tidies_the_input() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADMIN, ISSUER, " abc-123 ", "  Ana   Admin ", "  Ana.Admin@MAI.gov.RO ", UNIT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(ADMIN, ISSUER, "abc-123", "Ana Admin", "ana.admin@mai.gov.ro", UNIT))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_registration_retried_with_the_same_id_and_content_answers_the_first_result_and_applies_nothing() {
        fixture.given(registered(MEMBER, "member", "Mihai Membru"))
                .when(new RegisterUser(MEMBER, ISSUER, " member ", "Mihai  Membru", "MEMBER@mai.gov.ro", UNIT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        // also once the account has changed since: the retry is of the registration
        fixture.given(member())
                .andGiven(new UserDetailsUpdated(MEMBER, "Mihai Popescu", "mihai@mai.gov.ro"))
                .when(new RegisterUser(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro", UNIT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_id_whose_stream_holds_another_kind_of_entity_is_a_duplicate_id() {
        // the client chose the id of an org unit: the account's events would become that unit's next events
        fixture.given(new ro.marc.events.org.event.OrgUnitCreated(MEMBER, null, "Structură", 1, null))
                .when(new RegisterUser(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro", UNIT))
                .expectException(rejected(Reason.CONFLICT, "userId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void the_same_user_id_with_other_content_is_a_duplicate_id() {
        fixture.given(member())
                .when(new RegisterUser(MEMBER, ISSUER, "someone-else", "Altcineva", "alt@mai.gov.ro", UNIT))
                .expectException(rejected(Reason.CONFLICT, "userId", "DUPLICATE_ID"))
                .expectNoEvents();
        fixture.given(member())
                .when(new RegisterUser(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro", OTHER_UNIT))
                .expectException(rejected(Reason.CONFLICT, "userId", "DUPLICATE_ID"))
                .expectNoEvents();
    }

    @Test
    void the_org_unit_must_exist() {
        UUID nowhere = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro", nowhere))
                .expectException(rejected(Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND", Map.of("id", nowhere.toString())))
                .expectNoEvents();
    }

    @Test
    void an_identity_is_linked_to_one_account() {
        lookup.given(registered(HEAD, "head", "Horia Șef"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "head", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectException(rejected(Reason.CONFLICT, "subject", "IDENTITY_IN_USE", Map.of("userId", HEAD.toString())))
                .expectExceptionMessage("This identity is already linked to the account of 'Horia Șef'")
                .expectNoEvents();
    }

    @Test
    void identities_compare_exactly_issuer_and_subject() {
        lookup.given(registered(HEAD, "head", "Horia Șef"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "HEAD", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectSuccessfulHandlerExecution();
        newFixture().givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), "https://other-idp.example", "head", "Alt Horia", "alt@mai.gov.ro", UNIT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void registration_input_is_validated_field_by_field() {
        UUID id = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "x", "X", "not-an-email", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "INVALID_EMAIL")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "x", "X", "  ", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "x", "X", "a".repeat(250) + "@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "email", "TOO_LONG"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, " ", "x", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "issuer", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "s".repeat(256), "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "subject", "TOO_LONG"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "x", "   ", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "displayName", "REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, ISSUER, "x", "X", "x@b.ro", null))
                .expectException(rejected(Reason.INVALID, "orgUnitId", "REQUIRED"));
        newFixture().givenNoPriorActivity()
                .when(new RegisterUser(null, ISSUER, "x", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.INVALID, "userId", "REQUIRED"));
    }

    @Test
    void any_other_command_on_a_missing_account_is_a_typed_not_found() {
        for (Object command : List.of(new GrantRole(ADMIN, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                new UpdateUserDetails(ADMIN, "X", "x@b.ro", 1), new RevokeRole(ADMIN, Role.AUDITOR, 1),
                new DeactivateUser(ADMIN, null, 1), new ReactivateUser(ADMIN, 1),
                new TransferUser(ADMIN, ISSUER, "n", "N", "n@b.ro", "mutare", 1))) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(Reason.NOT_FOUND, "userId", "NOT_FOUND", Map.of("id", ADMIN.toString())))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------- details

    @Test
    void updating_details_bumps_the_version_and_normalises() {
        fixture.given(member())
                .when(new UpdateUserDetails(MEMBER, " Mihai  Popescu ", "Mihai.Popescu@MAI.gov.ro", 2))
                .expectEvents(new UserDetailsUpdated(MEMBER, "Mihai Popescu", "mihai.popescu@mai.gov.ro"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_stale_expected_version_is_a_conflict_and_changes_nothing() {
        fixture.given(member())
                .andGiven(new UserDetailsUpdated(MEMBER, "Mihai Popescu", "mihai@mai.gov.ro"))
                .when(new UpdateUserDetails(MEMBER, "Mihai Ionescu", "mihai@mai.gov.ro", 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION",
                        Map.of("expectedVersion", 2L, "currentVersion", 3L)))
                .expectNoEvents();
        fixture.given(member())
                .andGiven(new UserDetailsUpdated(MEMBER, "Mihai Popescu", "mihai@mai.gov.ro"))
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(), false, 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- roles

    @Test
    void a_territorial_admin_needs_a_county_and_counties_are_sorted() {
        fixture.given(member())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(), false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTY_REQUIRED"))
                .expectNoEvents();
        fixture.given(member())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, null, false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTY_REQUIRED"));
        fixture.given(member())
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(County.IS, County.AB, County.CJ), false, 2))
                .expectEvents(new RoleGranted(MEMBER, Role.TERRITORIAL_ADMIN, List.of(County.AB, County.CJ, County.IS), false))
                .expectResultMessagePayload(3L);
    }

    @Test
    void counties_are_refused_with_any_other_role() {
        fixture.given(member())
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(County.CJ), false, 2))
                .expectException(rejected(Reason.INVALID, "counties", "COUNTIES_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void the_system_role_is_not_grantable_and_a_role_is_required() {
        fixture.given(admin())
                .when(new GrantRole(ADMIN, Role.SYSTEM, Set.of(), false, 2))
                .expectException(rejected(Reason.INVALID, "role", "ROLE_NOT_GRANTABLE"))
                .expectNoEvents();
        fixture.given(admin())
                .when(new GrantRole(ADMIN, null, Set.of(), false, 2))
                .expectException(rejected(Reason.INVALID, "role", "REQUIRED"));
    }

    @Test
    void the_member_workflow_flag_is_only_for_integrity_counsellors() {
        fixture.given(registered(HEAD, "head", "Horia Șef"), granted(HEAD, Role.WORKING_GROUP_HEAD))
                .when(new GrantRole(HEAD, Role.WORKING_GROUP_HEAD, Set.of(), true, 2))
                .expectException(rejected(Reason.INVALID, "followsMemberWorkflow", "FLAG_NOT_ALLOWED"));
        newFixture().given(member())
                .when(new GrantRole(MEMBER, Role.INTEGRITY_COUNSELLOR, Set.of(), true, 2))
                .expectEvents(new RoleGranted(MEMBER, Role.INTEGRITY_COUNSELLOR, List.of(), true));
    }

    @Test
    void regranting_replaces_the_terms_but_identical_terms_are_no_change() {
        fixture.given(member())
                .andGiven(new RoleGranted(MEMBER, Role.INTEGRITY_COUNSELLOR, List.of(), true))
                .when(new GrantRole(MEMBER, Role.INTEGRITY_COUNSELLOR, Set.of(), true, 3))
                .expectException(rejected(Reason.INVALID, "role", "NO_CHANGE"))
                .expectNoEvents();
        fixture.given(member())
                .andGiven(new RoleGranted(MEMBER, Role.INTEGRITY_COUNSELLOR, List.of(), true))
                .when(new GrantRole(MEMBER, Role.INTEGRITY_COUNSELLOR, Set.of(), false, 3))
                .expectEvents(new RoleGranted(MEMBER, Role.INTEGRITY_COUNSELLOR, List.of(), false));
        fixture.given(member())
                .andGiven(new RoleGranted(MEMBER, Role.TERRITORIAL_ADMIN, List.of(County.CJ), false))
                .when(new GrantRole(MEMBER, Role.TERRITORIAL_ADMIN, Set.of(County.CJ, County.B), false, 3))
                .expectEvents(new RoleGranted(MEMBER, Role.TERRITORIAL_ADMIN, List.of(County.CJ, County.B), false))
                .expectResultMessagePayload(4L);
    }

    @Test
    void roles_are_not_granted_to_a_deactivated_account() {
        fixture.given(member())
                .andGiven(new UserDeactivated(MEMBER, null))
                .when(new GrantRole(MEMBER, Role.RISK_OWNER, Set.of(), false, 3))
                .expectException(rejected(Reason.INVALID, "userId", "USER_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void only_a_held_role_can_be_revoked() {
        fixture.given(member())
                .when(new RevokeRole(MEMBER, Role.AUDITOR, 2))
                .expectException(rejected(Reason.INVALID, "role", "ROLE_NOT_HELD"));
        fixture.given(member())
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 2))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER))
                .expectResultMessagePayload(3L);
    }

    // ---------------------------------------------------------------- the last active central administrator

    @Test
    void the_last_active_central_admin_cannot_be_revoked_even_if_an_inactive_admin_exists() {
        twoCentralAdmins(false);
        fixture.given(admin())
                .when(new RevokeRole(ADMIN, Role.CENTRAL_ADMIN, 2))
                .expectException(rejected(Reason.CONFLICT, "role", "LAST_CENTRAL_ADMIN"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("grant the role to someone else"))
                .expectNoEvents();
        assertThat(lookup.centralAdminQuestions).as("decided by the lookup (under its lock)").isEqualTo(1);
    }

    @Test
    void a_central_admin_can_be_revoked_once_another_active_admin_exists() {
        twoCentralAdmins(true);
        fixture.given(admin())
                .when(new RevokeRole(ADMIN, Role.CENTRAL_ADMIN, 2))
                .expectEvents(new RoleRevoked(ADMIN, Role.CENTRAL_ADMIN))
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_inactive_central_admin_can_lose_the_role() {
        lookup.given(admin());
        fixture.given(registered(ADMIN_2, "admin2", "Bogdan Admin"), granted(ADMIN_2, Role.CENTRAL_ADMIN),
                        new UserDeactivated(ADMIN_2, null))
                .when(new RevokeRole(ADMIN_2, Role.CENTRAL_ADMIN, 3))
                .expectEvents(new RoleRevoked(ADMIN_2, Role.CENTRAL_ADMIN));
    }

    @Test
    void the_last_active_central_admin_cannot_be_deactivated_even_if_an_inactive_admin_exists() {
        twoCentralAdmins(false);
        fixture.given(admin())
                .when(new DeactivateUser(ADMIN, "plecat", 2))
                .expectException(rejected(Reason.CONFLICT, "userId", "LAST_CENTRAL_ADMIN"))
                .expectNoEvents();
    }

    @Test
    void a_central_admin_can_be_deactivated_once_another_active_admin_exists() {
        twoCentralAdmins(true);
        fixture.given(admin())
                .when(new DeactivateUser(ADMIN, "  plecat  ", 2))
                .expectEvents(new UserDeactivated(ADMIN, "plecat"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void other_accounts_never_ask_for_the_administrators_lock() {
        fixture.given(member())
                .when(new DeactivateUser(MEMBER, null, 2))
                .expectEvents(new UserDeactivated(MEMBER, null));
        assertThat(lookup.centralAdminQuestions).isZero();
    }

    // ---------------------------------------------------------------- deactivation

    @Test
    void deactivation_and_reactivation_are_refused_when_nothing_would_change() {
        fixture.given(member())
                .andGiven(new UserDeactivated(MEMBER, null))
                .when(new DeactivateUser(MEMBER, null, 3))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_INACTIVE"));
        fixture.given(member())
                .when(new ReactivateUser(MEMBER, 2))
                .expectException(rejected(Reason.INVALID, "userId", "ALREADY_ACTIVE"));
        fixture.given(member())
                .andGiven(new UserDeactivated(MEMBER, null))
                .when(new ReactivateUser(MEMBER, 3))
                .expectEvents(new UserReactivated(MEMBER))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_deactivation_reason_is_at_most_500_characters() {
        fixture.given(member())
                .when(new DeactivateUser(MEMBER, "x".repeat(501), 2))
                .expectException(rejected(Reason.INVALID, "reason", "TOO_LONG"));
        fixture.given(member())
                .when(new DeactivateUser(MEMBER, "   ", 2))
                .expectEvents(new UserDeactivated(MEMBER, null));
    }

    @Test
    void a_deactivated_account_keeps_its_roles() {
        fixture.given(member())
                .andGiven(new UserDeactivated(MEMBER, null))
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 3))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER));
    }

    // ---------------------------------------------------------------- transfer (G05)

    @Test
    void a_transfer_records_previous_and_new_person() {
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "new-member", " Nicoleta  Nouă ", "Nicoleta@MAI.gov.ro",
                        " Mutare Mihai la IPJ Iași, 01.03 ", 2))
                .expectEvents(new UserTransferred(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro",
                        ISSUER, "new-member", "Nicoleta Nouă", "nicoleta@mai.gov.ro", "Mutare Mihai la IPJ Iași, 01.03"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_transfer_keeps_the_roles_and_the_next_transfer_names_the_new_person_as_previous() {
        Object transferred = new UserTransferred(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro",
                ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro", "mutare");
        fixture.given(member())
                .andGiven(transferred)
                .when(new RevokeRole(MEMBER, Role.WORKING_GROUP_MEMBER, 3))
                .expectEvents(new RoleRevoked(MEMBER, Role.WORKING_GROUP_MEMBER));
        fixture.given(member())
                .andGiven(transferred)
                .when(new TransferUser(MEMBER, ISSUER, "third", "Teodor Trei", "t@mai.gov.ro", "a doua mutare", 3))
                .expectEvents(new UserTransferred(MEMBER, ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro",
                        ISSUER, "third", "Teodor Trei", "t@mai.gov.ro", "a doua mutare"));
    }

    @Test
    void a_transferred_identity_is_free_for_another_account_and_the_new_one_is_taken() {
        lookup.given(member()).given(new UserTransferred(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro",
                ISSUER, "new-member", "Nicoleta Nouă", "n@mai.gov.ro", "mutare"));
        UUID returning = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(returning, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro", OTHER_UNIT))
                .expectSuccessfulHandlerExecution();
        newFixture().givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), ISSUER, "new-member", "X", "x@b.ro", UNIT))
                .expectException(rejected(Reason.CONFLICT, "subject", "IDENTITY_IN_USE", Map.of("userId", MEMBER.toString())));
    }

    @Test
    void a_transfer_refuses_an_identity_in_use_or_the_same_identity() {
        lookup.given(registered(HEAD, "head", "Horia Șef")).given(member());
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "head", "Horia", "h@mai.gov.ro", "mutare", 2))
                .expectException(rejected(Reason.CONFLICT, "subject", "IDENTITY_IN_USE", Map.of("userId", HEAD.toString())))
                .expectNoEvents();
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "member", "Mihai", "m@mai.gov.ro", "mutare", 2))
                .expectException(rejected(Reason.INVALID, "subject", "SAME_IDENTITY"))
                .expectNoEvents();
    }

    @Test
    void a_transfer_needs_its_details_and_valid_new_person() {
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "  ", 2))
                .expectException(rejected(Reason.INVALID, "transferDetails", "REQUIRED"));
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "x".repeat(1001), 2))
                .expectException(rejected(Reason.INVALID, "transferDetails", "TOO_LONG"));
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@", "mutare", 2))
                .expectException(rejected(Reason.INVALID, "email", "INVALID_EMAIL"));
        fixture.given(member())
                .when(new TransferUser(MEMBER, ISSUER, "n", "N", "n@mai.gov.ro", "mutare", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    @Test
    void a_deactivated_account_can_be_transferred_and_stays_deactivated() {
        fixture.given(member())
                .andGiven(new UserDeactivated(MEMBER, "post vacant"),
                        new UserTransferred(MEMBER, ISSUER, "member", "Mihai Membru", "member@mai.gov.ro",
                                ISSUER, "n", "Nicoleta", "n@mai.gov.ro", "ocupare post"))
                .when(new ReactivateUser(MEMBER, 4))
                .expectEvents(new UserReactivated(MEMBER))
                .expectResultMessagePayload(5L);
    }
}
