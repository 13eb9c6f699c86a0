package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

class RegulatoryCauseTest {

    private InMemoryNomenclatureCatalogue catalogue;
    /** No structure has an active plan unless a test gives one: the structure's work units decide. */
    private final InMemoryActivePlans plans = new InMemoryActivePlans();

    @BeforeEach
    void setUp() {
        catalogue = new InMemoryNomenclatureCatalogue().given(treeWithReferences());
    }

    private FixtureConfiguration<RegulatoryCause> fixture() {
        FixtureConfiguration<RegulatoryCause> fixture = new AggregateTestFixture<>(RegulatoryCause.class);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(org());
        fixture.registerInjectableResource(plans);
        return fixture;
    }

    private static final RegulatoryCauseAdded ADDED = new RegulatoryCauseAdded(CAUSE, details(), PROPOSER, CLUJ);

    private static RegulatoryCauseDetails with(java.util.function.UnaryOperator<Object[]> change) {
        RegulatoryCauseDetails d = details();
        Object[] f = {d.workUnitId(), d.activityId(), d.issuerId(), d.actTypeId(), d.actNumber(), d.yearInForce(),
                d.actStatusId(), d.actTitle(), d.articleNumber(), d.additionalInfo(), d.extract(), d.corruptionFactors(),
                d.corruptionThreats(), d.recommendations(), d.proposedText()};
        f = change.apply(f);
        return new RegulatoryCauseDetails((UUID) f[0], (UUID) f[1], (UUID) f[2], (UUID) f[3], (String) f[4], (int) f[5],
                (UUID) f[6], (String) f[7], (String) f[8], (String) f[9], (String) f[10], (String) f[11],
                (String) f[12], (String) f[13], (String) f[14]);
    }

    private static RegulatoryCauseDetails field(int index, Object value) {
        return with(f -> {
            f[index] = value;
            return f;
        });
    }

    @Test
    void adding_a_cause_tidies_its_details_and_returns_version_1_and_again_the_first_result() {
        RegulatoryCauseDetails untidy = new RegulatoryCauseDetails(WU1, ACTIVITY, ISSUER, ACT_TYPE, " 98 ", 2016,
                ACT_STATUS, " Legea privind achizițiile publice ", "43", "  ", "Art. 43 alin. (1) ...", "Criterii vagi",
                "Favorizare", "Clarificarea criteriilor", "");
        fixture().givenNoPriorActivity()
                .when(new AddRegulatoryCause(CAUSE, untidy, MEMBER))
                .expectEvents(ADDED)
                .expectResultMessagePayload(1L);
        fixture().given(ADDED)
                .when(new AddRegulatoryCause(CAUSE, untidy, MEMBER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        fixture().given(ADDED)
                .when(new AddRegulatoryCause(CAUSE, field(4, "99"), MEMBER))
                .expectException(rejected(Reason.CONFLICT, "causeId", "DUPLICATE_ID"));
    }

    @Test
    void a_normative_act_number_with_letters_is_refused_where_digits_are_required() {
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(4, "98A"), MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "details.actNumber", "DIGITS_ONLY"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(4, "12345678901"), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "TOO_LONG"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(4, " "), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "REQUIRED"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(8, "43^1"), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.articleNumber", "DIGITS_ONLY"));
    }

    @Test
    void the_year_in_force_is_plausible() {
        int next = Year.now().getValue() + 1;
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(5, 1863), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.yearInForce", "OUT_OF_RANGE"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(5, next + 1), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.yearInForce", "OUT_OF_RANGE"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(5, 1864), MEMBER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_cause_texts_are_required_and_bounded() {
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(10, "  "), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.extract", "REQUIRED"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(13, "r".repeat(4001)), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.recommendations", "TOO_LONG"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(14, "p".repeat(4001)), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.proposedText", "TOO_LONG"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(0, null), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.workUnitId", "REQUIRED"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, null, MEMBER))
                .expectException(rejected(Reason.INVALID, "details", "REQUIRED"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(), Actor.member(null, CLUJ)))
                .expectException(rejected(Reason.INVALID, "authorUserId", "REQUIRED"));
    }

    @Test
    void a_cause_refuses_an_inactive_or_wrong_or_unknown_reference_entry() {
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(3, ACT_STATUS), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.actTypeId", "WRONG_LIST"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(6, UUID.randomUUID()), MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "details.actStatusId", "NOT_FOUND"));
        catalogue.given(new ReferenceEntryDeactivated(ISSUER, ReferenceList.ACT_ISSUER));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(), MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "details.issuerId", "INACTIVE_ENTRY"));
    }

    @Test
    void a_cause_names_a_live_activity_of_its_work_unit() {
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(0, WU2), MEMBER))
                .expectSuccessfulHandlerExecution();
        UUID notOfActivity = UUID.randomUUID();
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(0, notOfActivity), ADMIN))
                .expectException(rejected(Reason.INVALID, "details.workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(1, TASK), MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "details.activityId", "NOT_FOUND"));
        catalogue.given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(), MEMBER))
                .expectException(rejected(Reason.INVALID, "details.activityId", "ACTIVITY_NOT_LIVE"));
    }

    @Test
    void a_cause_is_added_only_on_a_visible_activity_and_a_work_unit_of_the_authors_structure() {
        UUID theirs = UUID.randomUUID();
        catalogue.given(new ActivityProposed(theirs, "Propunerea altcuiva", null, PROCUREMENT, List.of(WU1), List.of(),
                "user-9", IASI));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(1, theirs), MEMBER))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "details.activityId", "PROPOSAL_NOT_VISIBLE"));
        // Iași holds WU2 only; decided before the details are read
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(4, "12A"), IASI_MEMBER))
                .expectException(rejected(Reason.FORBIDDEN, "details.workUnitId", "WORK_UNIT_NOT_HELD"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, field(1, theirs), ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void editing_a_cause_reports_before_and_after_at_its_version() {
        RegulatoryCauseDetails edited = field(4, "99");
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, edited, 1, MEMBER))
                .expectEvents(new RegulatoryCauseEdited(CAUSE, edited, details()))
                .expectResultMessagePayload(2L);
        fixture().given(ADDED, new RegulatoryCauseEdited(CAUSE, edited, details()))
                .when(new EditRegulatoryCause(CAUSE, field(4, "100"), 1, MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "9x"), 1, MEMBER))
                .expectException(rejected(Reason.INVALID, "details.actNumber", "DIGITS_ONLY"));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, details(), 1, MEMBER))
                .expectNoEvents().expectResultMessagePayload(1L);
        fixture().givenNoPriorActivity().when(new EditRegulatoryCause(CAUSE, details(), 1, MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "causeId", "NOT_FOUND"));
    }

    @Test
    void only_its_author_or_a_central_administrator_edits_a_cause() {
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 1, OTHER_MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "causeId", "NOT_AUTHOR"));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 1, ADMIN))
                .expectSuccessfulHandlerExecution();
        // the editor's structure must hold the work unit too
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 1, Actor.member(PROPOSER, IASI)))
                .expectException(rejected(Reason.FORBIDDEN, "details.workUnitId", "WORK_UNIT_NOT_HELD"));
    }

    @Test
    void a_territorial_administrator_adds_and_edits_causes_for_the_structures_of_their_counties() {
        Actor forCluj = Actor.territorialAdministrator("at-cluj", CLUJ, java.util.Set.of(ro.marc.events.org.County.CJ));
        Actor iasiForCluj = Actor.territorialAdministrator("at-iasi", CLUJ, java.util.Set.of(ro.marc.events.org.County.IS));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(), forCluj))
                .expectEvents(new RegulatoryCauseAdded(CAUSE, details(), "at-cluj", CLUJ));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(), iasiForCluj))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "forOrgUnitId", "ORG_UNIT_OUTSIDE_COUNTIES"));
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(),
                        Actor.territorialAdministrator("at-cluj", UUID.randomUUID(), java.util.Set.of(ro.marc.events.org.County.CJ))))
                .expectException(rejected(Reason.NOT_FOUND, "forOrgUnitId", "NOT_FOUND"));
        // Iași holds WU2 only: a structure of the county, but not of the cause's work unit
        fixture().givenNoPriorActivity().when(new AddRegulatoryCause(CAUSE, details(),
                        Actor.territorialAdministrator("at-iasi", IASI, java.util.Set.of(ro.marc.events.org.County.IS))))
                .expectException(rejected(Reason.FORBIDDEN, "details.workUnitId", "WORK_UNIT_NOT_HELD"));
        // editing: a territorial administrator of the cause's structure's county (as their own member's), not another
        Actor atCluj = new Actor("at-cluj", UUID.randomUUID(), false, false, java.util.Set.of(ro.marc.events.org.County.CJ));
        Actor atIasi = new Actor("at-iasi", UUID.randomUUID(), false, false, java.util.Set.of(ro.marc.events.org.County.IS));
        RegulatoryCauseDetails edited = field(4, "99");
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, edited, 1, atCluj))
                .expectEvents(new RegulatoryCauseEdited(CAUSE, edited, details()));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, edited, 1, atIasi))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "causeId", "NOT_AUTHOR"));
    }

    @Test
    void an_edit_keeps_an_entry_deactivated_since_but_cannot_newly_choose_one() {
        UUID otherIssuer = UUID.randomUUID();
        catalogue.given(new ReferenceEntryDeactivated(ISSUER, ReferenceList.ACT_ISSUER),
                new ReferenceEntryDefined(otherIssuer, ReferenceList.ACT_ISSUER, "Parlamentul României"),
                new ReferenceEntryDeactivated(otherIssuer, ReferenceList.ACT_ISSUER));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 1, MEMBER))
                .expectEvents(new RegulatoryCauseEdited(CAUSE, field(4, "99"), details()));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(2, otherIssuer), 1, MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "details.issuerId", "INACTIVE_ENTRY"));
        // the activity deactivated since is kept too
        catalogue.given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        fixture().given(ADDED).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 1, MEMBER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_cause_is_deactivated_once_and_then_no_longer_edited() {
        fixture().given(ADDED).when(new DeactivateRegulatoryCause(CAUSE, 1))
                .expectEvents(new RegulatoryCauseDeactivated(CAUSE)).expectResultMessagePayload(2L);
        fixture().given(ADDED, new RegulatoryCauseDeactivated(CAUSE)).when(new DeactivateRegulatoryCause(CAUSE, 2))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "causeId", "ALREADY_INACTIVE"));
        fixture().given(ADDED, new RegulatoryCauseDeactivated(CAUSE)).when(new EditRegulatoryCause(CAUSE, field(4, "99"), 2, MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "causeId", "INACTIVE"));
        fixture().given(ADDED).when(new DeactivateRegulatoryCause(CAUSE, 2))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
    }

    // ---------------------------------------------------------------- the structure's active plan decides

    @Test
    void with_an_active_plan_a_cause_names_only_a_work_unit_assigned_to_its_author() {
        UUID memberId = UUID.randomUUID();
        UUID counsellorId = UUID.randomUUID();
        Actor member = Actor.member(memberId.toString(), CLUJ);
        plans.active(UUID.randomUUID(), CLUJ, new PlanMember(memberId, List.of(WU2), true, false),
                new PlanMember(counsellorId, List.of(), false, true));
        // details() names WU1: held by Cluj, not assigned to the member
        fixture().givenNoPriorActivity()
                .when(new AddRegulatoryCause(CAUSE, details(), member))
                .expectNoEvents()
                .expectException(rejected(Reason.FORBIDDEN, "details.workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
        fixture().givenNoPriorActivity()
                .when(new AddRegulatoryCause(CAUSE, field(0, WU2), member))
                .expectSuccessfulHandlerExecution();
        // A103: the counsellor following the member workflow holds every work unit of the structure
        fixture().givenNoPriorActivity()
                .when(new AddRegulatoryCause(CAUSE, details(), Actor.member(counsellorId.toString(), CLUJ)))
                .expectSuccessfulHandlerExecution();
        // a cause added before the plan keeps its work unit when its author edits it; another one is refused
        RegulatoryCauseAdded before = new RegulatoryCauseAdded(CAUSE, details(), memberId.toString(), CLUJ);
        fixture().given(before)
                .when(new EditRegulatoryCause(CAUSE, field(4, "100"), 1, member))
                .expectSuccessfulHandlerExecution();
        fixture().given(new RegulatoryCauseAdded(CAUSE, field(0, WU2), memberId.toString(), CLUJ))
                .when(new EditRegulatoryCause(CAUSE, details(), 1, member))
                .expectException(rejected(Reason.FORBIDDEN, "details.workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
    }
}
