package ro.marc.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.access.InMemoryAccessLookup;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanEdition.MemberEdition;
import ro.marc.events.plan.PlanEdition.StageSchedule;
import ro.marc.events.plan.PlanEdition.WorkUnitRef;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.Stage;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.command.*;
import ro.marc.events.plan.event.*;

import java.time.LocalDate;
import java.util.*;

import static ro.marc.command.common.Refused.rejected;

/**
 * {@link Plan}: given the plan's past events (and, in the in-memory lookups, the org, the accounts, the
 * working group and the other plans), when a command, then its events or its typed refusal.
 */
class PlanTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";
    private static final UUID CLUJ = UUID.randomUUID();
    private static final UUID IASI = UUID.randomUUID();
    private static final UUID ORDINE = UUID.randomUUID();
    private static final UUID RUTIERA = UUID.randomUUID();
    private static final UUID RESURSE = UUID.randomUUID();
    private static final UUID RETIRED = UUID.randomUUID();
    private static final UUID IASI_ONLY = UUID.randomUUID();
    private static final UUID HEAD = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID COUNSELLOR = UUID.randomUUID();
    private static final UUID LEFT = UUID.randomUUID();
    private static final UUID NOT_IN_GROUP = UUID.randomUUID();
    private static final UUID NO_ROLE = UUID.randomUUID();
    private static final UUID IASI_MEMBER = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();
    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID OTHER_PLAN = UUID.randomUUID();

    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final StageDeadlines DEADLINES =
            new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
    private static final String PURPOSE = "Evaluarea riscurilor de corupție 2026–2027";
    private static final Map<String, Object> AS_HEAD = Map.of("userId", HEAD.toString());

    private InMemoryAccessLookup access;
    private InMemoryActivePlans plans;
    private Org org;

    @BeforeEach
    void setUp() {
        access = new InMemoryAccessLookup().given(
                account(HEAD, "Horia Șef", CLUJ), granted(HEAD, Role.WORKING_GROUP_HEAD),
                account(MEMBER, "Mihai Membru", CLUJ), granted(MEMBER, Role.WORKING_GROUP_MEMBER),
                account(COUNSELLOR, "Carmen Consilier", CLUJ), new RoleGranted(COUNSELLOR, Role.INTEGRITY_COUNSELLOR, List.of(), true),
                account(LEFT, "Lucian Plecat", CLUJ), granted(LEFT, Role.WORKING_GROUP_MEMBER),
                account(NOT_IN_GROUP, "Nelu Neinclus", CLUJ), granted(NOT_IN_GROUP, Role.WORKING_GROUP_MEMBER),
                account(NO_ROLE, "Radu Fără Rol", CLUJ),
                account(IASI_MEMBER, "Ioana Ieșeanca", IASI), granted(IASI_MEMBER, Role.WORKING_GROUP_MEMBER),
                new WorkingGroupDefined(GROUP, CLUJ, "Grupul de lucru IPJ Cluj"),
                new WorkingGroupMemberAdded(GROUP, HEAD), new WorkingGroupMemberAdded(GROUP, MEMBER),
                new WorkingGroupMemberAdded(GROUP, COUNSELLOR), new WorkingGroupMemberAdded(GROUP, LEFT),
                new WorkingGroupMemberAdded(GROUP, NO_ROLE));
        plans = new InMemoryActivePlans();
        org = new Org();
    }

    private FixtureConfiguration<Plan> fixture() {
        FixtureConfiguration<Plan> fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(access);
        fixture.registerInjectableResource(plans);
        fixture.registerInjectableResource(org);
        return fixture;
    }

    private static UserRegistered account(UUID userId, String name, UUID orgUnitId) {
        return new UserRegistered(userId, ISSUER, "sub-" + userId, name, userId + "@mai.gov.ro", orgUnitId);
    }

    private static RoleGranted granted(UUID userId, Role role) {
        return new RoleGranted(userId, role, List.of(), false);
    }

    private static PlanMember member(UUID userId, UUID... workUnits) {
        return new PlanMember(userId, List.of(workUnits), true, false);
    }

    private static PlanMember a103(UUID userId) {
        return new PlanMember(userId, List.of(), false, true);
    }

    private static final List<PlanMember> MEMBERS = List.of(member(MEMBER, ORDINE, RUTIERA), member(HEAD, RESURSE), a103(COUNSELLOR));

    private static DraftPlan draft(List<PlanMember> members, StageDeadlines deadlines) {
        return new DraftPlan(PLAN, CLUJ, START, PURPOSE, members, deadlines);
    }

    private static PlanDrafted drafted() {
        return new PlanDrafted(PLAN, CLUJ, START, PURPOSE, MEMBERS, DEADLINES);
    }

    private static EditPlan edit(LocalDate start, String purpose, List<PlanMember> members, StageDeadlines deadlines, long version) {
        return new EditPlan(PLAN, start, purpose, members, deadlines, version);
    }

    private static StageDeadlines deadlines(String identification, String evaluation, String measures) {
        return new StageDeadlines(date(identification), date(evaluation), date(measures));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** Edition {@code number} of the complete plan ({@link #MEMBERS}, {@link #DEADLINES}) published by the head. */
    private static PlanEdition edition(int number) {
        return new PlanEdition(number, CLUJ, "IPJ Cluj", County.CJ, START, PURPOSE, List.of(
                new StageSchedule(Stage.IDENTIFICATION, START, LocalDate.of(2027, 1, 29)),
                new StageSchedule(Stage.EVALUATION, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 3, 31)),
                new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31))), List.of(
                new MemberEdition(MEMBER, "Mihai Membru", Role.WORKING_GROUP_MEMBER, true,
                        List.of(new WorkUnitRef(ORDINE, "Ordine publică"), new WorkUnitRef(RUTIERA, "Poliție rutieră")), true, false),
                new MemberEdition(HEAD, "Horia Șef", Role.WORKING_GROUP_HEAD, true,
                        List.of(new WorkUnitRef(RESURSE, "Resurse umane")), true, false),
                new MemberEdition(COUNSELLOR, "Carmen Consilier", Role.INTEGRITY_COUNSELLOR, true, List.of(), false, true)),
                HEAD, "Horia Șef");
    }

    private static PlanActivated activated() {
        return new PlanActivated(PLAN, CLUJ, START, PURPOSE, MEMBERS, DEADLINES, edition(1));
    }

    // ---------------------------------------------------------------- drafting

    @Test
    void drafting_creates_the_plan_at_version_1_with_partial_content_and_a_tidy_purpose() {
        fixture().givenNoPriorActivity()
                .when(new DraftPlan(PLAN, CLUJ, null, "  Evaluarea  riscurilor 2027 ", List.of(member(MEMBER)), null))
                .expectEvents(new PlanDrafted(PLAN, CLUJ, null, "Evaluarea riscurilor 2027", List.of(member(MEMBER)),
                        new StageDeadlines(null, null, null)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_draft_retried_with_the_same_content_answers_version_1_and_other_content_is_a_duplicate_id() {
        fixture().given(drafted())
                .when(draft(MEMBERS, DEADLINES))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        fixture().given(drafted())
                .when(new DraftPlan(PLAN, CLUJ, START, "Alt scop", MEMBERS, DEADLINES))
                .expectException(rejected(Reason.CONFLICT, "planId", "DUPLICATE_ID")).expectNoEvents();
        fixture().given(new ro.marc.events.org.event.OrgUnitCreated(PLAN, null, "Structură", 1, null))
                .when(draft(MEMBERS, DEADLINES))
                .expectException(rejected(Reason.CONFLICT, "planId", "DUPLICATE_ID")).expectNoEvents();
    }

    @Test
    void a_draft_names_an_existing_active_org_unit() {
        fixture().givenNoPriorActivity()
                .when(new DraftPlan(PLAN, UUID.randomUUID(), START, PURPOSE, List.of(), null))
                .expectException(rejected(Reason.NOT_FOUND, "orgUnitId", "NOT_FOUND")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new DraftPlan(PLAN, null, START, PURPOSE, List.of(), null))
                .expectException(rejected(Reason.INVALID, "orgUnitId", "REQUIRED")).expectNoEvents();
        org.deactivated.add(CLUJ);
        fixture().givenNoPriorActivity()
                .when(draft(MEMBERS, DEADLINES))
                .expectException(rejected(Reason.INVALID, "orgUnitId", "ORG_UNIT_INACTIVE")).expectNoEvents();
    }

    @Test
    void the_purpose_is_short_and_clean() {
        fixture().givenNoPriorActivity()
                .when(new DraftPlan(PLAN, CLUJ, START, "x".repeat(201), List.of(), null))
                .expectException(rejected(Reason.INVALID, "purpose", "TOO_LONG")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new DraftPlan(PLAN, CLUJ, START, "Scop\u0000ascuns", List.of(), null))
                .expectException(rejected(Reason.INVALID, "purpose", "INVALID_CHARACTERS")).expectNoEvents();
    }

    // ---------------------------------------------------------------- dates: the n+1 rule

    @Test
    void a_deadline_before_the_start_date_is_refused_naming_the_field() {
        fixture().givenNoPriorActivity()
                .when(draft(List.of(), deadlines("2026-11-01", null, null)))
                .expectException(rejected(Reason.INVALID, "deadlines.identification", "DEADLINE_BEFORE_START"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(), deadlines(null, "2026-11-01", null)))
                .expectException(rejected(Reason.INVALID, "deadlines.evaluation", "DEADLINE_BEFORE_START"))
                .expectNoEvents();
    }

    @Test
    void a_deadline_before_its_stage_start_the_day_after_the_previous_deadline_is_out_of_order() {
        fixture().givenNoPriorActivity()
                .when(draft(List.of(), deadlines("2027-01-29", "2027-01-29", null)))
                .expectException(rejected(Reason.INVALID, "deadlines.evaluation", "DEADLINE_OUT_OF_ORDER"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(), deadlines("2027-01-29", "2027-03-31", "2027-02-01")))
                .expectException(rejected(Reason.INVALID, "deadlines.measures", "DEADLINE_OUT_OF_ORDER"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(), deadlines("2027-03-31", null, "2027-03-30")))
                .expectException(rejected(Reason.INVALID, "deadlines.measures", "DEADLINE_OUT_OF_ORDER"))
                .expectNoEvents();
    }

    @Test
    void one_day_stages_meet_the_n_plus_1_rule() {
        // 30.09 → 01.10: each stage may end on the day it starts
        StageDeadlines tight = deadlines("2026-11-02", "2026-11-03", "2026-11-04");
        fixture().given(drafted())
                .when(edit(START, PURPOSE, MEMBERS, tight, 1))
                .expectEvents(new PlanDraftSaved(PLAN, CLUJ, START, PURPOSE, MEMBERS, tight));
    }

    // ---------------------------------------------------------------- members

    @Test
    void members_are_active_accounts_of_the_org_unit_with_a_working_group_role_in_its_working_group() {
        Map<UUID, String[]> refusals = new LinkedHashMap<>();
        refusals.put(NOT_IN_GROUP, new String[]{"INVALID", "NOT_IN_WORKING_GROUP"});
        refusals.put(IASI_MEMBER, new String[]{"INVALID", "OTHER_ORG_UNIT"});
        refusals.put(NO_ROLE, new String[]{"INVALID", "ROLE_REQUIRED"});
        refusals.put(UUID.randomUUID(), new String[]{"NOT_FOUND", "NOT_FOUND"});
        refusals.forEach((user, refusal) -> fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE), member(user, RUTIERA)), null))
                .expectException(rejected(Reason.valueOf(refusal[0]), "members[1].userId", refusal[1]))
                .expectNoEvents());
        access.given(new UserDeactivated(LEFT, "pensionare"));
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(LEFT, ORDINE)), null))
                .expectException(rejected(Reason.INVALID, "members[0].userId", "USER_INACTIVE")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE), member(MEMBER, RUTIERA)), null))
                .expectException(rejected(Reason.INVALID, "members[1].userId", "DUPLICATE_MEMBER")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(Arrays.asList(member(MEMBER, ORDINE), null), null))
                .expectException(rejected(Reason.INVALID, "members[1]", "REQUIRED")).expectNoEvents();
    }

    @Test
    void a_member_taken_out_of_the_working_group_is_no_longer_accepted() {
        access.given(new WorkingGroupMemberRemoved(GROUP, MEMBER, false));
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE)), null))
                .expectException(rejected(Reason.INVALID, "members[0].userId", "NOT_IN_WORKING_GROUP")).expectNoEvents();
    }

    @Test
    void only_an_integrity_counsellor_may_follow_the_member_workflow() {
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(HEAD, RESURSE), new PlanMember(MEMBER, List.of(ORDINE), true, true)), null))
                .expectException(rejected(Reason.INVALID, "members[1].followsMemberWorkflow", "FLAG_NOT_ALLOWED"))
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(a103(COUNSELLOR)), null))
                .expectEvents(new PlanDrafted(PLAN, CLUJ, START, PURPOSE, List.of(a103(COUNSELLOR)), new StageDeadlines(null, null, null)));
    }

    @Test
    void work_units_are_held_by_the_org_unit_named_once_and_not_retired() {
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE), member(HEAD, RESURSE, IASI_ONLY)), null))
                .expectException(rejected(Reason.INVALID, "members[1].workUnitIds", "WORK_UNIT_NOT_HELD")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE, UUID.randomUUID())), null))
                .expectException(rejected(Reason.INVALID, "members[0].workUnitIds", "WORK_UNIT_NOT_HELD")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, ORDINE, ORDINE)), null))
                .expectException(rejected(Reason.INVALID, "members[0].workUnitIds", "DUPLICATE_WORK_UNIT")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(draft(List.of(member(MEMBER, RETIRED)), null))
                .expectException(rejected(Reason.INVALID, "members[0].workUnitIds", "WORK_UNIT_RETIRED")).expectNoEvents();
    }

    // ---------------------------------------------------------------- saving a draft

    @Test
    void a_draft_is_saved_any_number_of_times_and_saving_it_unchanged_stores_nothing() {
        fixture().given(new PlanDrafted(PLAN, CLUJ, null, null, List.of(), new StageDeadlines(null, null, null)))
                .when(edit(START, PURPOSE, MEMBERS, DEADLINES, 1))
                .expectEvents(new PlanDraftSaved(PLAN, CLUJ, START, PURPOSE, MEMBERS, DEADLINES))
                .expectResultMessagePayload(2L);
        fixture().given(drafted())
                .when(edit(START, PURPOSE, MEMBERS, DEADLINES, 1))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        fixture().given(drafted())
                .when(edit(START, PURPOSE, List.of(member(MEMBER, IASI_ONLY)), DEADLINES, 1))
                .expectException(rejected(Reason.INVALID, "members[0].workUnitIds", "WORK_UNIT_NOT_HELD")).expectNoEvents();
        fixture().given(drafted())
                .when(edit(START, PURPOSE, MEMBERS, DEADLINES, 7))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION")).expectNoEvents();
    }

    @Test
    void a_command_on_a_missing_plan_is_a_typed_not_found() {
        for (Object command : List.of(edit(START, PURPOSE, MEMBERS, DEADLINES, 1), new ActivatePlan(PLAN, 1),
                new ClosePlan(PLAN, 1))) {
            fixture().givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(Reason.NOT_FOUND, "planId", "NOT_FOUND")).expectNoEvents();
        }
    }

    // ---------------------------------------------------------------- activating

    @Test
    void activating_a_complete_draft_publishes_edition_1_with_every_name_resolved() {
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectEvents(activated())
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_activation_sent_by_the_system_is_published_by_marc() {
        PlanEdition bySystem = edition(1);
        bySystem = new PlanEdition(1, CLUJ, bySystem.orgUnitName(), bySystem.county(), START, PURPOSE, bySystem.stages(),
                bySystem.members(), null, "MARC");
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), Map.of("userId", "system"))
                .expectEvents(new PlanActivated(PLAN, CLUJ, START, PURPOSE, MEMBERS, DEADLINES, bySystem));
    }

    @Test
    void an_activation_needs_the_complete_content() {
        Map<PlanDrafted, String[]> incomplete = new LinkedHashMap<>();
        incomplete.put(new PlanDrafted(PLAN, CLUJ, null, PURPOSE, MEMBERS, DEADLINES), new String[]{"startDate", "REQUIRED"});
        incomplete.put(new PlanDrafted(PLAN, CLUJ, START, null, MEMBERS, DEADLINES), new String[]{"purpose", "REQUIRED"});
        incomplete.put(new PlanDrafted(PLAN, CLUJ, START, PURPOSE, MEMBERS, deadlines("2027-01-29", "2027-03-31", null)),
                new String[]{"deadlines.measures", "REQUIRED"});
        incomplete.put(new PlanDrafted(PLAN, CLUJ, START, PURPOSE, MEMBERS, deadlines(null, "2027-03-31", "2027-05-31")),
                new String[]{"deadlines.identification", "REQUIRED"});
        incomplete.put(new PlanDrafted(PLAN, CLUJ, START, PURPOSE, List.of(), DEADLINES), new String[]{"members", "REQUIRED"});
        incomplete.put(new PlanDrafted(PLAN, CLUJ, START, PURPOSE, List.of(member(HEAD, RESURSE), member(MEMBER)), DEADLINES),
                new String[]{"members[1].workUnitIds", "REQUIRED"});
        incomplete.forEach((given, refusal) -> fixture().given(given)
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectException(rejected(Reason.INVALID, refusal[0], refusal[1])).expectNoEvents());
    }

    @Test
    void the_plan_of_a_deactivated_org_unit_is_not_activated() {
        org.deactivated.add(CLUJ);
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "orgUnitId", "ORG_UNIT_INACTIVE")).expectNoEvents();
    }

    @Test
    void an_activation_checks_the_members_again() {
        access.given(new UserDeactivated(MEMBER, null));
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "members[0].userId", "USER_INACTIVE")).expectNoEvents();
    }

    @Test
    void only_one_active_plan_per_org_unit() {
        plans.given(new PlanActivated(OTHER_PLAN, CLUJ, START, "Planul de anul trecut", List.of(), DEADLINES, null));
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectException(rejected(Reason.CONFLICT, "planId", "ACTIVE_PLAN_EXISTS", Map.of("planId", OTHER_PLAN.toString())))
                .expectExceptionMessage("Org unit " + CLUJ + " already has an active plan: 'Planul de anul trecut'."
                        + " Close it before activating another one")
                .expectNoEvents();
        // once it is closed, this one may be activated; another org unit's active plan never stands in the way
        plans.given(new PlanClosed(OTHER_PLAN, CLUJ),
                new PlanActivated(UUID.randomUUID(), IASI, START, "Iași", List.of(), DEADLINES, null));
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 1), AS_HEAD)
                .expectEvents(activated());
    }

    @Test
    void an_active_plan_is_not_activated_again_and_the_version_is_checked() {
        fixture().given(drafted(), activated())
                .when(new ActivatePlan(PLAN, 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "planId", "ALREADY_ACTIVE")).expectNoEvents();
        fixture().given(drafted())
                .when(new ActivatePlan(PLAN, 0), AS_HEAD)
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION")).expectNoEvents();
    }

    // ---------------------------------------------------------------- changing an active plan

    @Test
    void a_change_after_activation_publishes_the_next_edition() {
        StageDeadlines later = deadlines("2027-02-15", "2027-03-31", "2027-05-31");
        PlanEdition first = edition(1);
        List<StageSchedule> stages = List.of(new StageSchedule(Stage.IDENTIFICATION, START, LocalDate.of(2027, 2, 15)),
                new StageSchedule(Stage.EVALUATION, LocalDate.of(2027, 2, 16), LocalDate.of(2027, 3, 31)),
                new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31)));
        PlanEdition second = new PlanEdition(2, CLUJ, "IPJ Cluj", County.CJ, START, PURPOSE, stages, first.members(),
                COUNSELLOR, "Carmen Consilier");
        fixture().given(drafted(), activated())
                .when(edit(START, PURPOSE, MEMBERS, later, 2), Map.of("userId", COUNSELLOR.toString()))
                .expectEvents(new PlanRevised(PLAN, CLUJ, START, PURPOSE, MEMBERS, later, second))
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_unchanged_active_plan_is_no_change() {
        fixture().given(drafted(), activated())
                .when(edit(START, " " + PURPOSE + " ", MEMBERS, DEADLINES, 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "planId", "NO_CHANGE")).expectNoEvents();
    }

    @Test
    void an_active_plan_stays_complete_and_valid() {
        fixture().given(drafted(), activated())
                .when(edit(START, PURPOSE, MEMBERS, deadlines("2027-01-29", null, "2027-05-31"), 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "deadlines.evaluation", "REQUIRED")).expectNoEvents();
        fixture().given(drafted(), activated())
                .when(edit(START, PURPOSE, List.of(), DEADLINES, 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "members", "REQUIRED")).expectNoEvents();
        fixture().given(drafted(), activated())
                .when(edit(LocalDate.of(2027, 2, 1), PURPOSE, MEMBERS, DEADLINES, 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "deadlines.identification", "DEADLINE_BEFORE_START")).expectNoEvents();
    }

    @Test
    void a_member_deactivated_since_stays_on_the_plan_marked_inactive_but_cannot_be_added() {
        access.given(new UserDeactivated(MEMBER, "detașare"));
        StageDeadlines later = deadlines("2027-02-15", "2027-03-31", "2027-05-31");
        PlanEdition first = edition(1);
        List<MemberEdition> members = new ArrayList<>(first.members());
        MemberEdition was = members.getFirst();
        members.set(0, new MemberEdition(was.userId(), was.displayName(), was.role(), false, was.workUnits(),
                was.questionnaireRequired(), was.followsMemberWorkflow()));
        PlanEdition second = new PlanEdition(2, CLUJ, "IPJ Cluj", County.CJ, START, PURPOSE, List.of(
                new StageSchedule(Stage.IDENTIFICATION, START, LocalDate.of(2027, 2, 15)),
                new StageSchedule(Stage.EVALUATION, LocalDate.of(2027, 2, 16), LocalDate.of(2027, 3, 31)),
                new StageSchedule(Stage.MEASURES, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31))), members, HEAD, "Horia Șef");
        fixture().given(drafted(), activated())
                .when(edit(START, PURPOSE, MEMBERS, later, 2), AS_HEAD)
                .expectEvents(new PlanRevised(PLAN, CLUJ, START, PURPOSE, MEMBERS, later, second));

        access.given(new UserDeactivated(LEFT, null));
        List<PlanMember> withLeft = new ArrayList<>(MEMBERS);
        withLeft.add(member(LEFT, ORDINE));
        fixture().given(drafted(), activated())
                .when(edit(START, PURPOSE, withLeft, DEADLINES, 2), AS_HEAD)
                .expectException(rejected(Reason.INVALID, "members[3].userId", "USER_INACTIVE")).expectNoEvents();
    }

    // ---------------------------------------------------------------- closing

    @Test
    void closing_an_active_plan_makes_it_read_only() {
        fixture().given(drafted(), activated())
                .when(new ClosePlan(PLAN, 2))
                .expectEvents(new PlanClosed(PLAN, CLUJ))
                .expectResultMessagePayload(3L);
        for (Object command : List.of(edit(START, "Alt scop", MEMBERS, DEADLINES, 3), new ActivatePlan(PLAN, 3),
                new ClosePlan(PLAN, 3))) {
            fixture().given(drafted(), activated(), new PlanClosed(PLAN, CLUJ))
                    .when(command, AS_HEAD)
                    .expectException(rejected(Reason.INVALID, "planId", "PLAN_CLOSED")).expectNoEvents();
        }
    }

    @Test
    void only_an_active_plan_is_closed() {
        fixture().given(drafted())
                .when(new ClosePlan(PLAN, 1))
                .expectException(rejected(Reason.INVALID, "planId", "NOT_ACTIVE")).expectNoEvents();
    }

    // ---------------------------------------------------------------- support



    /** IPJ Cluj holding three work units (and a retired one), IPJ Iași holding another. */
    static final class Org implements OrgFacts {

        final Set<UUID> deactivated = new HashSet<>();
        private final Map<UUID, WorkUnitFact> workUnits = Map.of(
                ORDINE, new WorkUnitFact(ORDINE, "Ordine publică", false),
                RUTIERA, new WorkUnitFact(RUTIERA, "Poliție rutieră", false),
                RESURSE, new WorkUnitFact(RESURSE, "Resurse umane", false),
                RETIRED, new WorkUnitFact(RETIRED, "Arhivă", true),
                IASI_ONLY, new WorkUnitFact(IASI_ONLY, "Logistică", false));

        @Override
        public Optional<OrgUnitFact> orgUnit(UUID id) {
            UUID root = new UUID(0, 1);
            if (CLUJ.equals(id)) {
                return Optional.of(new OrgUnitFact(CLUJ, "IPJ Cluj", root, 1, County.CJ, !deactivated.contains(CLUJ),
                        Set.of(ORDINE, RUTIERA, RESURSE, RETIRED), List.of(root)));
            }
            if (IASI.equals(id)) {
                return Optional.of(new OrgUnitFact(IASI, "IPJ Iași", root, 1, County.IS, true, Set.of(IASI_ONLY), List.of(root)));
            }
            return Optional.empty();
        }

        @Override
        public Optional<WorkUnitFact> workUnit(UUID id) {
            return Optional.ofNullable(id == null ? null : workUnits.get(id));
        }
    }
}
