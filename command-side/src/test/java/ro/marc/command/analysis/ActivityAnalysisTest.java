package ro.marc.command.analysis;

import ro.marc.command.common.RomanianCalendar;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.nomenclature.InMemoryNomenclatureCatalogue;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.events.access.Role;
import ro.marc.events.analysis.*;
import ro.marc.events.analysis.AnalysisEdition.*;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.analysis.command.*;
import ro.marc.events.analysis.event.*;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

import static ro.marc.command.common.Refused.rejected;

/** Given/when/then for the activity analysis (Anexa 3): who, under which plan and work unit, what content, finalisation. */
class ActivityAnalysisTest {

    static final UUID CLUJ = UUID.randomUUID();
    static final UUID IASI = UUID.randomUUID();
    static final UUID WU1 = UUID.randomUUID();
    static final UUID WU2 = UUID.randomUUID();
    static final UUID WU3 = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();
    static final UUID DRAFT_PLAN = UUID.randomUUID();
    static final UUID IASI_PLAN = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID COUNSELLOR = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final UUID IASI_MEMBER = UUID.randomUUID();
    static final UUID DOMAIN = UUID.randomUUID();
    static final UUID ACTIVITY = UUID.randomUUID();
    static final UUID TASK = UUID.randomUUID();
    static final UUID TASK2 = UUID.randomUUID();
    static final UUID DOCUMENT = UUID.randomUUID();
    static final UUID OWN_ACTIVITY = UUID.randomUUID();
    static final UUID OWN_TASK = UUID.randomUUID();
    static final UUID FOREIGN_ACTIVITY = UUID.randomUUID();
    static final UUID ELSEWHERE_ACTIVITY = UUID.randomUUID();
    static final UUID OTHER_TASK = UUID.randomUUID();
    static final UUID PARTNER = UUID.randomUUID();
    static final UUID MEANS = UUID.randomUUID();
    static final UUID ANALYSIS = AnalysisIds.of(PLAN, MEMBER, WU1);
    static final LocalDate IDENTIFICATION = LocalDate.of(2027, 1, 29);

    private InMemoryActivePlans plans;
    private InMemoryNomenclatureCatalogue catalogue;
    private InMemoryAccounts accounts;
    private FixedOrgFacts org;

    @BeforeEach
    void setUp() {
        org = new FixedOrgFacts().unit(CLUJ, County.CJ, WU1, WU2, WU3).unit(IASI, County.IS, WU1);
        PlanMember member = new PlanMember(MEMBER, List.of(WU1), true, false);
        PlanMember other = new PlanMember(OTHER, List.of(WU2), true, false);
        PlanMember counsellor = new PlanMember(COUNSELLOR, List.of(), false, true);
        StageDeadlines deadlines = new StageDeadlines(IDENTIFICATION, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
        plans = new InMemoryActivePlans()
                .put(new PlanFact(PLAN, CLUJ, PlanStatus.ACTIVE, "Evaluarea riscurilor 2026", LocalDate.of(2026, 11, 2),
                        deadlines, Map.of(MEMBER, member, OTHER, other, COUNSELLOR, counsellor)))
                .put(new PlanFact(DRAFT_PLAN, CLUJ, PlanStatus.DRAFT, "Evaluarea riscurilor 2027", LocalDate.of(2027, 11, 2),
                        null, Map.of(MEMBER, member)))
                .put(new PlanFact(IASI_PLAN, IASI, PlanStatus.DRAFT, "Iași 2027", LocalDate.of(2027, 1, 11),
                        null, Map.of(IASI_MEMBER, new PlanMember(IASI_MEMBER, List.of(WU1), true, false))));
        accounts = new InMemoryAccounts()
                .account(MEMBER, "Ioana Mureșan", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(OTHER, "Andrei Pop", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(COUNSELLOR, "Maria Ștefănescu", CLUJ, true, Role.INTEGRITY_COUNSELLOR)
                .account(OUTSIDER, "Dan Rus", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(IASI_MEMBER, "Radu Ionescu", IASI, true, Role.WORKING_GROUP_MEMBER);
        catalogue = new InMemoryNomenclatureCatalogue().given(
                new DomainDefined(DOMAIN, null, "Ordine publică"),
                activity(ACTIVITY, "Constatarea contravențiilor", MEMBER, WU1, WU2),
                new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, MEMBER.toString()),
                new TaskProposed(TASK, ACTIVITY, "Întocmirea procesului-verbal", OTHER.toString(), CLUJ),
                new ProposalAccepted(TASK, ItemKind.TASK, 1, OTHER.toString()),
                new TaskProposed(TASK2, ACTIVITY, "Aplicarea sancțiunii", OTHER.toString(), CLUJ),
                new ProposalAccepted(TASK2, ItemKind.TASK, 1, OTHER.toString()),
                new DocumentProposed(DOCUMENT, TASK, "Proces-verbal de constatare", Periodicity.DAILY, OTHER.toString(), CLUJ),
                new ProposalAccepted(DOCUMENT, ItemKind.DOCUMENT, 1, OTHER.toString()),
                activity(OWN_ACTIVITY, "Eliberarea avizelor", MEMBER, WU1),
                new TaskProposed(OWN_TASK, OWN_ACTIVITY, "Verificarea dosarului", MEMBER.toString(), CLUJ),
                activity(FOREIGN_ACTIVITY, "Escortarea persoanelor", OTHER, WU1),
                activity(ELSEWHERE_ACTIVITY, "Recrutarea personalului", MEMBER, WU3),
                new ProposalAccepted(ELSEWHERE_ACTIVITY, ItemKind.ACTIVITY, 1, MEMBER.toString()),
                new TaskProposed(OTHER_TASK, ELSEWHERE_ACTIVITY, "Anunțul de recrutare", OTHER.toString(), CLUJ),
                new ProposalAccepted(OTHER_TASK, ItemKind.TASK, 1, OTHER.toString()),
                new ReferenceEntryDefined(PARTNER, ReferenceList.EXTERNAL_PARTNER, "Primăria Cluj-Napoca"),
                new ReferenceEntryDefined(MEANS, ReferenceList.MATERIAL_MEANS, "Autospecială de intervenție"));
    }

    private static ActivityProposed activity(UUID id, String name, UUID proposer, UUID... workUnits) {
        return new ActivityProposed(id, name, null, DOMAIN, List.of(workUnits), List.of(), proposer.toString(), CLUJ);
    }

    private FixtureConfiguration<ActivityAnalysis> fixture() {
        FixtureConfiguration<ActivityAnalysis> fixture = new AggregateTestFixture<>(ActivityAnalysis.class);
        fixture.registerInjectableResource(plans);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(accounts);
        fixture.registerInjectableResource(org);
        return fixture;
    }

    private static Map<String, Object> as(UUID user) {
        return Map.of("userId", user.toString());
    }

    static final ActivityAnalysisStarted STARTED = new ActivityAnalysisStarted(ANALYSIS, PLAN, CLUJ, WU1, MEMBER,
            "Evaluarea riscurilor 2026", "Org unit " + CLUJ, County.CJ, "Work unit " + WU1, "Ioana Mureșan");

    static CollaborationRelation relation() {
        return new CollaborationRelation(Direction.SENDS_TO, null, PARTNER, " Transmiterea proceselor-verbale ",
                "Legea nr. 61/1991", List.of(MEANS));
    }

    static List<AnalysedActivity> content() {
        return List.of(new AnalysedActivity(ACTIVITY,
                List.of(new AnalysedTask(TASK, Periodicity.DAILY, List.of(DOCUMENT)), new AnalysedTask(TASK2, Periodicity.PER_CASE, null)),
                List.of(relation(), new CollaborationRelation(Direction.RECEIVES_FROM, IASI, null, "Sesizări", null, null))),
                new AnalysedActivity(OWN_ACTIVITY, List.of(new AnalysedTask(OWN_TASK, Periodicity.MONTHLY, List.of())), List.of()));
    }

    static ActivityAnalysisSaved saved(int edition) {
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(ACTIVITY, "Constatarea contravențiilor");
        names.put(TASK, "Întocmirea procesului-verbal");
        names.put(DOCUMENT, "Proces-verbal de constatare");
        names.put(TASK2, "Aplicarea sancțiunii");
        names.put(PARTNER, "Primăria Cluj-Napoca");
        names.put(MEANS, "Autospecială de intervenție");
        names.put(IASI, "Org unit " + IASI);
        names.put(OWN_ACTIVITY, "Eliberarea avizelor");
        names.put(OWN_TASK, "Verificarea dosarului");
        List<AnalysedActivity> tidy = List.of(new AnalysedActivity(ACTIVITY,
                List.of(new AnalysedTask(TASK, Periodicity.DAILY, List.of(DOCUMENT)), new AnalysedTask(TASK2, Periodicity.PER_CASE, null)),
                List.of(new CollaborationRelation(Direction.SENDS_TO, null, PARTNER, "Transmiterea proceselor-verbale",
                        "Legea nr. 61/1991", List.of(MEANS)),
                        new CollaborationRelation(Direction.RECEIVES_FROM, IASI, null, "Sesizări", null, null))),
                new AnalysedActivity(OWN_ACTIVITY, List.of(new AnalysedTask(OWN_TASK, Periodicity.MONTHLY, List.of())), List.of()));
        return new ActivityAnalysisSaved(ANALYSIS, edition, tidy, names);
    }

    static AnalysisEdition edition(int number, LocalDate on) {
        return new AnalysisEdition(number, PLAN, "Evaluarea riscurilor 2026", CLUJ, "Org unit " + CLUJ, County.CJ, WU1,
                "Work unit " + WU1, MEMBER, "Ioana Mureșan", on, IDENTIFICATION, on.isAfter(IDENTIFICATION), List.of(
                new ActivityLine(ACTIVITY, "Constatarea contravențiilor", List.of(
                        new TaskLine(TASK, "Întocmirea procesului-verbal", Periodicity.DAILY,
                                List.of(new DocumentLine(DOCUMENT, "Proces-verbal de constatare"))),
                        new TaskLine(TASK2, "Aplicarea sancțiunii", Periodicity.PER_CASE, List.of())),
                        List.of(new RelationLine(Direction.SENDS_TO, false, "Primăria Cluj-Napoca", "Transmiterea proceselor-verbale",
                                        "Legea nr. 61/1991", List.of("Autospecială de intervenție")),
                                new RelationLine(Direction.RECEIVES_FROM, true, "Org unit " + IASI, "Sesizări", null, List.of()))),
                new ActivityLine(OWN_ACTIVITY, "Eliberarea avizelor", List.of(
                        new TaskLine(OWN_TASK, "Verificarea dosarului", Periodicity.MONTHLY, List.of())), List.of())));
    }

    /** Noon in Bucharest on that day. */
    static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant();
    }

    // ---------------------------------------------------------------- start

    @Test
    void a_member_starts_the_analysis_of_a_work_unit_the_active_plan_assigns_them_and_again_gets_its_version() {
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, WU1, null), as(MEMBER))
                .expectEvents(STARTED).expectResultMessagePayload(1L);
        fixture().given(STARTED, saved(1))
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, WU1, null), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(2L);
    }

    @Test
    void a_work_unit_the_plan_does_not_assign_them_is_refused_naming_the_work_unit() {
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(PLAN, MEMBER, WU2), PLAN, WU2, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(PLAN, OUTSIDER, WU1), PLAN, WU1, null), as(OUTSIDER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "NOT_A_PLAN_MEMBER"));
    }

    @Test
    void a_counsellor_following_the_member_workflow_analyses_any_work_unit_of_the_structure() {
        UUID id = AnalysisIds.of(PLAN, COUNSELLOR, WU3);
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(id, PLAN, WU3, null), as(COUNSELLOR))
                .expectSuccessfulHandlerExecution().expectResultMessagePayload(1L);
        UUID notHeld = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(PLAN, COUNSELLOR, notHeld), PLAN, notHeld, null), as(COUNSELLOR))
                .expectException(rejected(Reason.FORBIDDEN, "workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
    }

    @Test
    void no_analysis_without_the_structures_active_plan() {
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(DRAFT_PLAN, MEMBER, WU1), DRAFT_PLAN, WU1, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(IASI_PLAN, IASI_MEMBER, WU1), IASI_PLAN, WU1, null), as(IASI_MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(PLAN, IASI_MEMBER, WU1), PLAN, WU1, null), as(IASI_MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "OTHER_STRUCTURE"));
        UUID unknown = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(AnalysisIds.of(unknown, MEMBER, WU1), unknown, WU1, null), as(MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "planId", "NOT_FOUND"));
    }

    @Test
    void a_member_starts_only_their_own_analysis_with_its_own_id_and_the_system_names_the_member() {
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, WU1, MEMBER), as(OTHER))
                .expectException(rejected(Reason.FORBIDDEN, "memberUserId", "NOT_YOURSELF"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(UUID.randomUUID(), PLAN, WU1, null), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "analysisId", "WRONG_ID"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, null, null), as(MEMBER))
                .expectException(rejected(Reason.INVALID, "workUnitId", "REQUIRED"));
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, WU1, MEMBER), Map.of("userId", "system"))
                .expectEvents(STARTED);
        fixture().givenNoPriorActivity()
                .when(new StartActivityAnalysis(ANALYSIS, PLAN, WU1, null), Map.of("userId", "system"))
                .expectException(rejected(Reason.INVALID, "memberUserId", "REQUIRED"));
    }

    // ---------------------------------------------------------------- save

    @Test
    void a_draft_is_saved_any_number_of_times_with_names_resolved_and_texts_tidied() {
        fixture().given(STARTED)
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 1), as(MEMBER))
                .expectEvents(saved(1)).expectResultMessagePayload(2L);
        fixture().given(STARTED, saved(1))
                .when(new SaveActivityAnalysis(ANALYSIS, List.of(), 2), as(MEMBER))
                .expectEvents(new ActivityAnalysisSaved(ANALYSIS, 1, List.of(), Map.of())).expectResultMessagePayload(3L);
    }

    @Test
    void only_its_member_saves_the_current_version_of_an_existing_analysis() {
        fixture().given(STARTED)
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 1), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "analysisId", "NOT_YOURS"));
        fixture().given(STARTED, saved(1))
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 1), as(MEMBER))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().givenNoPriorActivity()
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 0), as(MEMBER))
                .expectException(rejected(Reason.NOT_FOUND, "analysisId", "NOT_FOUND"));
    }

    @Test
    void saving_under_a_plan_no_longer_active_is_refused() {
        plans.status(PLAN, PlanStatus.CLOSED);
        fixture().given(STARTED)
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN"));
    }

    private void refused(List<AnalysedActivity> activities, Reason reason, String field, String code) {
        fixture().given(STARTED)
                .when(new SaveActivityAnalysis(ANALYSIS, activities, 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(reason, field, code));
    }

    private static AnalysedActivity act(UUID id, AnalysedTask... tasks) {
        return new AnalysedActivity(id, List.of(tasks), List.of());
    }

    private static AnalysedTask task(UUID id, UUID... documents) {
        return new AnalysedTask(id, Periodicity.WEEKLY, List.of(documents));
    }

    @Test
    void activities_are_approved_ones_of_the_work_unit_or_the_members_own_proposals() {
        refused(List.of(act(ACTIVITY), act(FOREIGN_ACTIVITY)), Reason.INVALID, "activities[1].activityId", "NOT_SELECTABLE");
        refused(List.of(act(ELSEWHERE_ACTIVITY)), Reason.INVALID, "activities[0].activityId", "NOT_IN_WORK_UNIT");
        refused(List.of(act(TASK)), Reason.INVALID, "activities[0].activityId", "WRONG_KIND");
        refused(List.of(act(UUID.randomUUID())), Reason.NOT_FOUND, "activities[0].activityId", "NOT_FOUND");
        refused(List.of(act(ACTIVITY), act(ACTIVITY)), Reason.INVALID, "activities[1].activityId", "DUPLICATE");
        refused(Arrays.asList(act(ACTIVITY), null), Reason.INVALID, "activities[1]", "REQUIRED");
        catalogue.given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        refused(List.of(act(ACTIVITY)), Reason.INVALID, "activities[0].activityId", "NOT_SELECTABLE");
    }

    @Test
    void a_deactivated_entry_stays_where_it_is_already_used() {
        catalogue.given(new ItemDeactivated(ACTIVITY, ItemKind.ACTIVITY));
        fixture().given(STARTED, saved(1))
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 2), as(MEMBER))
                .expectEvents(saved(1));
    }

    @Test
    void tasks_belong_to_their_activity_and_documents_to_their_task_each_task_with_its_periodicity() {
        refused(List.of(act(ACTIVITY, task(OTHER_TASK))), Reason.INVALID, "activities[0].tasks[0].taskId", "NOT_UNDER_PARENT");
        refused(List.of(act(ACTIVITY, task(TASK), task(TASK))), Reason.INVALID, "activities[0].tasks[1].taskId", "DUPLICATE");
        refused(List.of(act(ACTIVITY, task(TASK), task(TASK2, DOCUMENT))), Reason.INVALID,
                "activities[0].tasks[1].documentIds[0]", "NOT_UNDER_PARENT");
        refused(List.of(act(ACTIVITY, task(TASK, DOCUMENT, DOCUMENT))), Reason.INVALID,
                "activities[0].tasks[0].documentIds[1]", "DUPLICATE");
        refused(List.of(act(OWN_ACTIVITY), act(ACTIVITY, task(TASK), new AnalysedTask(TASK2, null, List.of()))), Reason.INVALID,
                "activities[1].tasks[1].periodicity", "REQUIRED");
        refused(List.of(act(ACTIVITY, task(null))), Reason.INVALID, "activities[0].tasks[0].taskId", "REQUIRED");
    }

    private static List<AnalysedActivity> withRelation(CollaborationRelation relation) {
        return List.of(new AnalysedActivity(ACTIVITY, List.of(task(TASK)), List.of(relation(), relation)));
    }

    @Test
    void a_relation_names_one_partner_its_nature_and_means_of_the_reference_lists() {
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, CLUJ, PARTNER, "x", null, null)),
                Reason.INVALID, "activities[0].relations[1].partnerEntryId", "ONE_PARTNER");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, null, "x", null, null)),
                Reason.INVALID, "activities[0].relations[1].partnerOrgUnitId", "REQUIRED");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, UUID.randomUUID(), null, "x", null, null)),
                Reason.NOT_FOUND, "activities[0].relations[1].partnerOrgUnitId", "NOT_FOUND");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, MEANS, "x", null, null)),
                Reason.INVALID, "activities[0].relations[1].partnerEntryId", "WRONG_LIST");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "x", null, List.of(PARTNER))),
                Reason.INVALID, "activities[0].relations[1].materialMeansIds[0]", "WRONG_LIST");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "x", null, List.of(MEANS, MEANS))),
                Reason.INVALID, "activities[0].relations[1].materialMeansIds[1]", "DUPLICATE");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "  ", null, null)),
                Reason.INVALID, "activities[0].relations[1].nature", "REQUIRED");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "x", "l".repeat(501), null)),
                Reason.INVALID, "activities[0].relations[1].legalFramework", "TOO_LONG");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "x\u0000y", null, null)),
                Reason.INVALID, "activities[0].relations[1].nature", "INVALID_CHARACTERS");
        refused(withRelation(new CollaborationRelation(Direction.RECEIVES_FROM, null, PARTNER, "x", "a\u0007b", null)),
                Reason.INVALID, "activities[0].relations[1].legalFramework", "INVALID_CHARACTERS");
        refused(withRelation(new CollaborationRelation(null, null, PARTNER, "x", null, null)),
                Reason.INVALID, "activities[0].relations[1].direction", "REQUIRED");
        refused(withRelation(relation()), Reason.INVALID, "activities[0].relations[1].partnerEntryId", "DUPLICATE");
        catalogue.given(new ReferenceEntryDeactivated(MEANS, ReferenceList.MATERIAL_MEANS));
        refused(List.of(new AnalysedActivity(ACTIVITY, List.of(task(TASK)), List.of(relation()))), Reason.INVALID,
                "activities[0].relations[0].materialMeansIds[0]", "INACTIVE_ENTRY");
    }

    // ---------------------------------------------------------------- finalise

    @Test
    void finalising_publishes_the_edition_with_every_name_resolved_on_time_or_late() {
        LocalDate day = LocalDate.of(2027, 1, 20);
        fixture().given(STARTED, saved(1)).andGivenCurrentTime(on(day))
                .when(new FinaliseActivityAnalysis(ANALYSIS, 2), as(MEMBER))
                .expectEvents(new ActivityAnalysisFinalised(ANALYSIS, edition(1, day))).expectResultMessagePayload(3L);
        LocalDate late = LocalDate.of(2027, 1, 30);
        fixture().given(STARTED, saved(1)).andGivenCurrentTime(on(late))
                .when(new FinaliseActivityAnalysis(ANALYSIS, 2), as(MEMBER))
                .expectEvents(new ActivityAnalysisFinalised(ANALYSIS, edition(1, late)));
    }

    @Test
    void a_finalised_analysis_is_not_finalised_again_and_editing_it_starts_the_next_edition() {
        LocalDate day = LocalDate.of(2027, 1, 20);
        ActivityAnalysisFinalised first = new ActivityAnalysisFinalised(ANALYSIS, edition(1, day));
        fixture().given(STARTED, saved(1), first)
                .when(new FinaliseActivityAnalysis(ANALYSIS, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "analysisId", "ALREADY_FINALISED"));
        fixture().given(STARTED, saved(1), first)
                .when(new SaveActivityAnalysis(ANALYSIS, content(), 3), as(MEMBER))
                .expectEvents(saved(2));
        fixture().given(STARTED, saved(1), first, saved(2)).andGivenCurrentTime(on(day))
                .when(new FinaliseActivityAnalysis(ANALYSIS, 4), as(MEMBER))
                .expectEvents(new ActivityAnalysisFinalised(ANALYSIS, edition(2, day)));
    }

    @Test
    void finalising_needs_an_activity_and_a_task_for_each() {
        fixture().given(STARTED)
                .when(new FinaliseActivityAnalysis(ANALYSIS, 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activities", "REQUIRED"));
        fixture().given(STARTED, new ActivityAnalysisSaved(ANALYSIS, 1,
                        List.of(act(OWN_ACTIVITY, task(OWN_TASK)), act(ACTIVITY)), Map.of()))
                .when(new FinaliseActivityAnalysis(ANALYSIS, 2), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activities[1].tasks", "REQUIRED"));
    }

    @Test
    void finalising_checks_the_content_again() {
        catalogue.given(new ProposalRejected(OWN_ACTIVITY, ItemKind.ACTIVITY, "Duplicat", 1, MEMBER.toString()));
        fixture().given(STARTED, saved(1))
                .when(new FinaliseActivityAnalysis(ANALYSIS, 2), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activities[1].activityId", "NOT_SELECTABLE"));
    }

    // ---------------------------------------------------------------- matcher

}
