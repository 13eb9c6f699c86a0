package ro.marc.command.assessment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.analysis.InMemoryAccounts;
import ro.marc.command.analysis.InMemoryAnalysedActivities;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.incident.InMemoryMaterialisedRisks;
import ro.marc.command.methodology.InMemoryMethodologies;
import ro.marc.command.monitoring.InMemoryKeptMeasures;
import ro.marc.command.monitoring.MonitoringMeasureSchedulesFixture;
import ro.marc.command.nomenclature.FixedOrgFacts;
import ro.marc.command.nomenclature.InMemoryNomenclatureCatalogue;
import ro.marc.command.nomenclature.InMemoryRegulatoryCauses;
import ro.marc.command.plan.InMemoryActivePlans;
import ro.marc.command.register.MeasureSchedules.ScheduledMeasure;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.access.Role;
import ro.marc.events.assessment.*;
import ro.marc.events.assessment.command.*;
import ro.marc.events.assessment.event.*;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.incident.event.IncidentRiskLinked;
import ro.marc.events.incident.event.IntegrityIncidentArchived;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.methodology.*;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.IntStream;

import static ro.marc.command.common.Refused.rejected;

/**
 * Given/when/then for the risk assessment (Anexa 4): who starts one and about what, the draft's content rules
 * (A401), the evaluation with both incident floors and the methodology versions, finalisation with the section
 * rules, editions (UCA 62) and inactivation. Every refusal appends nothing.
 */
class RiskAssessmentTest {

    static final UUID CLUJ = UUID.randomUUID();
    static final UUID IASI = UUID.randomUUID();
    static final UUID WU1 = UUID.randomUUID();
    static final UUID WU2 = UUID.randomUUID();
    static final UUID PLAN = UUID.randomUUID();
    static final UUID IASI_PLAN = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID COUNSELLOR = UUID.randomUUID();
    static final UUID IASI_MEMBER = UUID.randomUUID();
    static final UUID DOMAIN = UUID.randomUUID();
    static final UUID ACTIVITY = UUID.randomUUID();
    static final UUID OTHER_ACTIVITY = UUID.randomUUID();
    static final UUID WU2_ACTIVITY = UUID.randomUUID();
    static final UUID RISK = UUID.randomUUID();
    static final UUID OWN_RISK = UUID.randomUUID();
    static final UUID FOREIGN_RISK = UUID.randomUUID();
    static final UUID OTHER_RISK = UUID.randomUUID();
    static final UUID EFFECT = UUID.randomUUID();
    static final UUID EFFECT2 = UUID.randomUUID();
    static final UUID DIM_PERFORMANCE = UUID.randomUUID();
    static final UUID DIM_SCHEDULE = UUID.randomUUID();
    static final UUID DIM_BUDGET = UUID.randomUUID();
    static final UUID DIM_IMAGE = UUID.randomUUID();
    static final UUID ACT_TYPE = UUID.randomUUID();
    static final UUID CAUSE = UUID.randomUUID();
    static final UUID FOREIGN_CAUSE = UUID.randomUUID();
    static final UUID ASSESSMENT = UUID.randomUUID();
    static final UUID EXISTING = UUID.randomUUID();
    static final UUID ADDITIONAL = UUID.randomUUID();
    static final UUID IND1 = UUID.randomUUID();
    static final UUID IND2 = UUID.randomUUID();
    static final UUID IND3 = UUID.randomUUID();
    static final String PURPOSE = "Evaluarea riscurilor 2026";
    static final LocalDate MEASURES_DEADLINE = LocalDate.of(2027, 5, 31);
    /** A valid CNP (the control digit is right). */
    static final String CNP = "1800101221144";

    private InMemoryActivePlans plans;
    private FixedOrgFacts org;
    private InMemoryAccounts accounts;
    private InMemoryNomenclatureCatalogue catalogue;
    private InMemoryRegulatoryCauses causes;
    private InMemoryAnalysedActivities analysed;
    private InMemoryMaterialisedRisks materialised;
    private InMemoryMethodologies methodologies;
    private MonitoringMeasureSchedulesFixture schedules;
    private InMemoryKeptMeasures kept;

    @BeforeEach
    void setUp() {
        org = new FixedOrgFacts().unit(CLUJ, County.CJ, WU1, WU2).unit(IASI, County.IS, WU1);
        plans = new InMemoryActivePlans().given(
                new PlanActivated(PLAN, CLUJ, LocalDate.of(2026, 11, 2), PURPOSE, List.of(
                        new PlanMember(MEMBER, List.of(WU1), true, false),
                        new PlanMember(OTHER, List.of(WU1), true, false),
                        new PlanMember(COUNSELLOR, List.of(), false, true)),
                        new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), MEASURES_DEADLINE), null));
        accounts = new InMemoryAccounts()
                .account(MEMBER, "Ioana Mureșan", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(OTHER, "Andrei Pop", CLUJ, true, Role.WORKING_GROUP_MEMBER)
                .account(COUNSELLOR, "Maria Ștefănescu", CLUJ, true, Role.INTEGRITY_COUNSELLOR)
                .account(IASI_MEMBER, "Radu Ionescu", IASI, true, Role.WORKING_GROUP_MEMBER);
        catalogue = new InMemoryNomenclatureCatalogue();
        catalogue.given(
                new DomainDefined(DOMAIN, null, "Achiziții publice"),
                activity(ACTIVITY, "Atribuirea contractelor", WU1),
                activity(OTHER_ACTIVITY, "Recepția lucrărilor", WU1),
                activity(WU2_ACTIVITY, "Gestionarea armamentului", WU2),
                risk(RISK, ACTIVITY, "Favorizarea unui ofertant", OTHER, true),
                risk(OWN_RISK, ACTIVITY, "Divulgarea ofertelor", MEMBER, false),
                risk(FOREIGN_RISK, ACTIVITY, "Fracționarea achiziției", OTHER, false),
                risk(OTHER_RISK, OTHER_ACTIVITY, "Recepția fictivă", OTHER, true),
                new ReferenceEntryDefined(EFFECT, ReferenceList.EFFECT, "Prejudiciu adus bugetului"),
                new ReferenceEntryDefined(EFFECT2, ReferenceList.EFFECT, "Afectarea imaginii instituției"),
                new ReferenceEntryDefined(DIM_PERFORMANCE, ReferenceList.IMPACT_DIMENSION, "Performanța activităților"),
                new ReferenceEntryDefined(DIM_SCHEDULE, ReferenceList.IMPACT_DIMENSION, "Termene / întârzieri"),
                new ReferenceEntryDefined(DIM_BUDGET, ReferenceList.IMPACT_DIMENSION, "Buget"),
                new ReferenceEntryDefined(DIM_IMAGE, ReferenceList.IMPACT_DIMENSION, "Imaginea instituției"),
                new ReferenceEntryDefined(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege"));
        causes = new InMemoryRegulatoryCauses(catalogue).given(
                new RegulatoryCauseAdded(CAUSE, cause(WU1, ACTIVITY, "98", "12"), MEMBER.toString(), CLUJ),
                new RegulatoryCauseAdded(FOREIGN_CAUSE, cause(WU1, OTHER_ACTIVITY, "161", "3"), MEMBER.toString(), CLUJ));
        analysed = new InMemoryAnalysedActivities()
                .selected(PLAN, MEMBER, WU1, ACTIVITY)
                .selected(PLAN, OTHER, WU1, ACTIVITY)
                .selected(PLAN, COUNSELLOR, WU2, WU2_ACTIVITY);
        materialised = new InMemoryMaterialisedRisks();
        methodologies = InMemoryMethodologies.withDefaults();
        schedules = new MonitoringMeasureSchedulesFixture();
        kept = new InMemoryKeptMeasures();
    }

    private static ActivityProposed activity(UUID id, String name, UUID workUnit) {
        return new ActivityProposed(id, name, null, DOMAIN, List.of(workUnit), List.of(), OTHER.toString(), CLUJ);
    }

    private Object risk(UUID id, UUID activity, String name, UUID proposer, boolean approved) {
        catalogue.given(new RiskProposed(id, activity, name, null, proposer.toString(), CLUJ));
        return approved ? new ProposalAccepted(id, ItemKind.RISK, 1, proposer.toString()) : new Object();
    }

    private static RegulatoryCauseDetails cause(UUID workUnit, UUID activity, String act, String article) {
        return new RegulatoryCauseDetails(workUnit, activity, UUID.randomUUID(), ACT_TYPE, act, 2016, UUID.randomUUID(),
                "Legea achizițiilor publice", article, null, "Extras", "Factori", "Amenințări", "Recomandări", null);
    }

    private FixtureConfiguration<RiskAssessment> fixture() {
        FixtureConfiguration<RiskAssessment> fixture = new AggregateTestFixture<>(RiskAssessment.class);
        for (Object resource : List.of(plans, org, accounts, catalogue, causes, analysed, materialised, methodologies, schedules,
                kept)) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }

    private static Map<String, Object> as(UUID user) {
        return Map.of("userId", user.toString());
    }

    static Instant on(LocalDate day) {
        return day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant();
    }

    // ---------------------------------------------------------------- the facts a test starts from

    static RiskAssessmentStarted started(UUID id, UUID riskId, String riskName, UUID member, String memberName) {
        return new RiskAssessmentStarted(id, PLAN, PURPOSE, CLUJ, "Org unit " + CLUJ, County.CJ, WU1, "Work unit " + WU1,
                DOMAIN, "Achiziții publice", ACTIVITY, "Atribuirea contractelor", riskId, riskName, member, memberName);
    }

    static final RiskAssessmentStarted STARTED = started(ASSESSMENT, RISK, "Favorizarea unui ofertant", MEMBER, "Ioana Mureșan");

    static RiskDescription description() {
        return new RiskDescription(List.of("Membrii comisiei de evaluare"), List.of("Lipsa rotației membrilor comisiei"),
                List.of("Ofertanți interesați"), List.of("Toleranța față de conflictele de interese"), List.of(EFFECT),
                List.of(CAUSE));
    }

    static EffectivenessCriteria criteria(Boolean a, Boolean b, Boolean c, Boolean d) {
        return new EffectivenessCriteria(a, b, c, d);
    }

    static List<Measure> measures() {
        return List.of(
                new Measure(EXISTING, MeasureKind.EXISTING, "Declarații de imparțialitate", criteria(true, true, false, true),
                        null, List.of(new Indicator(IND1, "Declarații depuse", IndicatorKind.NUMERIC, List.of()))),
                new Measure(ADDITIONAL, MeasureKind.ADDITIONAL, "Rotația membrilor comisiei", null, "Șeful serviciului logistic",
                        List.of(new Indicator(IND2, "Rotație aplicată", IndicatorKind.DONE_NOT_DONE, List.of()),
                                new Indicator(IND3, "Calitatea rotației", IndicatorKind.QUALITATIVE,
                                        List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
    }

    static MeasureEffectiveness effectiveness(int met, EffectivenessLevel level, String label) {
        return new MeasureEffectiveness(met, level, label, 1);
    }

    static RiskAssessmentDraftSaved saved(int edition) {
        return new RiskAssessmentDraftSaved(ASSESSMENT, edition, description(), measures(),
                Map.of(EXISTING, effectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă")),
                Map.of(EFFECT, "Prejudiciu adus bugetului", CAUSE, "Lege nr. 98/2016, art. 12"));
    }

    static List<ImpactScore> impacts333334() {
        return List.of(new ImpactScore(DIM_PERFORMANCE, 33, 5), new ImpactScore(DIM_SCHEDULE, 33, 5),
                new ImpactScore(DIM_BUDGET, 34, 4));
    }

    static final Map<UUID, String> DIMENSION_NAMES = Map.of(DIM_PERFORMANCE, "Performanța activităților",
            DIM_SCHEDULE, "Termene / întârzieri", DIM_BUDGET, "Buget");

    /** P 3, 33/33/34 % scored 5/5/4: impact 4.66, exposure 13.98, moderate (priority 2), methodology 1. */
    static final RiskEvaluation MODERATE = new RiskEvaluation(3, impacts333334(), new BigDecimal("4.66"),
            new BigDecimal("13.98"), 2, RiskClass.MODERATE, "Intervenție pe termen mediu: măsuri suplimentare în cel mult 6 luni", 1);

    static final RiskEvaluated EVALUATED = new RiskEvaluated(ASSESSMENT, 1, MODERATE, DIMENSION_NAMES, 1, List.of());

    static Map<UUID, String> editionNames() {
        Map<UUID, String> names = new HashMap<>(saved(1).names());
        names.putAll(DIMENSION_NAMES);
        return names;
    }

    static AssessmentEdition edition(int number, LocalDate on) {
        return new AssessmentEdition(number, PLAN, PURPOSE, CLUJ, "Org unit " + CLUJ, County.CJ, WU1, "Work unit " + WU1,
                DOMAIN, "Achiziții publice", ACTIVITY, "Atribuirea contractelor", RISK, "Favorizarea unui ofertant", MEMBER,
                "Ioana Mureșan", on, MEASURES_DEADLINE, on.isAfter(MEASURES_DEADLINE), description(), MODERATE, measures(),
                saved(1).effectiveness(), editionNames());
    }

    static final LocalDate DAY = LocalDate.of(2027, 5, 20);

    // ---------------------------------------------------------------- start

    @Test
    void a_member_starts_an_assessment_of_a_risk_of_an_activity_they_analysed_and_again_gets_its_version() {
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectEvents(STARTED).expectResultMessagePayload(1L);
        fixture().given(STARTED, saved(1))
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(2L);
        fixture().given(STARTED)
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, OWN_RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "DUPLICATE_ID"));
    }

    @Test
    void the_same_risk_is_assessed_by_several_members_and_a_member_holds_several_assessments() {
        UUID second = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(second, PLAN, WU1, ACTIVITY, RISK, null), as(OTHER))
                .expectEvents(started(second, RISK, "Favorizarea unui ofertant", OTHER, "Andrei Pop"));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(second, PLAN, WU1, ACTIVITY, OWN_RISK, null), as(MEMBER))
                .expectEvents(started(second, OWN_RISK, "Divulgarea ofertelor", MEMBER, "Ioana Mureșan"));
    }

    @Test
    void the_activity_is_one_the_member_selected_in_their_last_finalised_activity_analysis() {
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, OTHER_ACTIVITY, OTHER_RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activityId", "ACTIVITY_NOT_ANALYSED"));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(COUNSELLOR))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activityId", "ACTIVITY_NOT_ANALYSED"));
    }

    @Test
    void the_risk_is_an_approved_risk_of_the_activity_or_the_members_own_proposal() {
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, OTHER_RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "RISK_NOT_OF_ACTIVITY"));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, FOREIGN_RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "NOT_SELECTABLE"));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, EFFECT, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "WRONG_KIND"));
        catalogue.given(new ItemDeactivated(RISK, ItemKind.RISK));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "riskId", "NOT_SELECTABLE"));
    }

    @Test
    void only_a_work_unit_the_active_plan_assigns_them_counsellors_any_of_the_structure() {
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU2, WU2_ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
        UUID wu2Risk = UUID.randomUUID();
        catalogue.given(new RiskProposed(wu2Risk, WU2_ACTIVITY, "Sustragerea armamentului", null, COUNSELLOR.toString(), CLUJ));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU2, WU2_ACTIVITY, wu2Risk, null), as(COUNSELLOR))
                .expectSuccessfulHandlerExecution().expectResultMessagePayload(1L);
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(IASI_MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "planId", "OTHER_STRUCTURE"));
    }

    @Test
    void no_assessment_without_the_structures_active_plan() {
        plans.given(new PlanClosed(PLAN, CLUJ));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN"));
        UUID unknown = UUID.randomUUID();
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, unknown, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "planId", "NOT_FOUND"));
    }

    @Test
    void a_member_starts_only_their_own_and_marc_itself_names_the_member() {
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, MEMBER), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "memberUserId", "NOT_YOURSELF"));
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, MEMBER), Map.of("userId", "system"))
                .expectEvents(STARTED);
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, null, RISK, null), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "activityId", "REQUIRED"));
    }

    // ---------------------------------------------------------------- draft

    @Test
    void a_draft_is_saved_tidied_with_names_and_effectiveness_and_the_same_content_again_appends_nothing() {
        RiskDescription untidy = new RiskDescription(List.of("  Membrii comisiei de evaluare ", "   "),
                List.of("Lipsa rotației membrilor comisiei"), List.of("Ofertanți interesați", ""),
                List.of("Toleranța față de conflictele de interese"), List.of(EFFECT), List.of(CAUSE));
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, untidy, measures(), 1), as(MEMBER))
                .expectEvents(saved(1)).expectResultMessagePayload(2L);
        fixture().given(STARTED, saved(1))
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, untidy, measures(), 2), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(2L);
    }

    @Test
    void a_draft_may_be_partial() {
        RiskDescription partial = new RiskDescription(List.of("Membrii comisiei"), null, null, null, null, null);
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, partial, null, 1), as(MEMBER))
                .expectEvents(new RiskAssessmentDraftSaved(ASSESSMENT, 1, partial, List.of(), Map.of(), Map.of()));
        List<Measure> halfTyped = List.of(new Measure(EXISTING, MeasureKind.EXISTING, null, criteria(true, null, null, null),
                null, List.of(new Indicator(IND1, null, IndicatorKind.QUALITATIVE, List.of("Bine")))));
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, null, halfTyped, 1), as(MEMBER))
                .expectEvents(new RiskAssessmentDraftSaved(ASSESSMENT, 1, RiskDescription.empty(), halfTyped, Map.of(), Map.of()));
    }

    @Test
    void effectiveness_follows_the_grid_for_every_existing_measure_with_its_four_criteria_answered() {
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID m4 = UUID.randomUUID();
        List<Measure> scored = List.of(
                new Measure(EXISTING, MeasureKind.EXISTING, "a", criteria(true, true, true, true), null, List.of()),
                new Measure(m2, MeasureKind.EXISTING, "b", criteria(true, false, true, false), null, List.of()),
                new Measure(m3, MeasureKind.EXISTING, "c", criteria(false, false, true, false), null, List.of()),
                new Measure(m4, MeasureKind.EXISTING, "d", criteria(true, true, true, null), null, List.of()));
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, null, scored, 1), as(MEMBER))
                .expectEvents(new RiskAssessmentDraftSaved(ASSESSMENT, 1, RiskDescription.empty(), scored, Map.of(
                        EXISTING, effectiveness(4, EffectivenessLevel.EFFECTIVE, "Eficientă"),
                        m2, effectiveness(2, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă"),
                        m3, effectiveness(1, EffectivenessLevel.INEFFECTIVE, "Ineficientă")), Map.of()));
    }

    private void refused(RiskDescription description, List<Measure> measures, Reason reason, String field, String code) {
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description, measures, 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(reason, field, code));
    }

    private static RiskDescription lists(List<String> exposed, List<UUID> effects, List<UUID> causes) {
        return new RiskDescription(exposed, List.of(), List.of(), List.of(), effects, causes);
    }

    @Test
    void the_description_lists_are_clean_texts_without_personal_data_within_their_limits() {
        refused(lists(List.of("ok", "Agentul cu CNP " + CNP), null, null), null, Reason.INVALID,
                "description.exposedPersonnel[1]", "PERSONAL_DATA");
        refused(new RiskDescription(null, null, List.of("scrieți la ion.pop@politia.ro"), null, null, null), null,
                Reason.INVALID, "description.threatSources[0]", "PERSONAL_DATA");
        refused(new RiskDescription(null, List.of("x".repeat(2001)), null, null, null, null), null, Reason.INVALID,
                "description.controlWeaknesses[0]", "TOO_LONG");
        refused(new RiskDescription(null, null, null, IntStream.range(0, 51).mapToObj(i -> "p" + i).toList(), null, null),
                null, Reason.INVALID, "description.cultureParticularities", "TOO_MANY");
        refused(lists(List.of("a\u0000b"), null, null), null, Reason.INVALID, "description.exposedPersonnel[0]", "INVALID_CHARACTERS");
    }

    @Test
    void effects_are_effect_entries_and_causes_those_of_the_assessments_work_unit_and_activity() {
        refused(lists(null, List.of(EFFECT, DIM_BUDGET), null), null, Reason.INVALID, "description.effectIds[1]", "WRONG_LIST");
        refused(lists(null, List.of(EFFECT, EFFECT), null), null, Reason.INVALID, "description.effectIds[1]", "DUPLICATE");
        refused(lists(null, List.of(UUID.randomUUID()), null), null, Reason.NOT_FOUND, "description.effectIds[0]", "NOT_FOUND");
        refused(lists(null, null, List.of(FOREIGN_CAUSE)), null, Reason.INVALID, "description.regulatoryCauseIds[0]",
                "CAUSE_OF_OTHER_ACTIVITY");
        refused(lists(null, null, List.of(CAUSE, CAUSE)), null, Reason.INVALID, "description.regulatoryCauseIds[1]", "DUPLICATE");
        refused(lists(null, null, List.of(UUID.randomUUID())), null, Reason.NOT_FOUND, "description.regulatoryCauseIds[0]",
                "NOT_FOUND");
    }

    @Test
    void a_deactivated_effect_or_cause_stays_where_it_is_used_and_is_not_chosen_anew() {
        catalogue.given(new ReferenceEntryDeactivated(EFFECT, ReferenceList.EFFECT));
        causes.given(new RegulatoryCauseDeactivated(CAUSE));
        refused(lists(null, List.of(EFFECT), null), null, Reason.INVALID, "description.effectIds[0]", "INACTIVE_ENTRY");
        refused(lists(null, null, List.of(CAUSE)), null, Reason.INVALID, "description.regulatoryCauseIds[0]", "INACTIVE_ENTRY");
        RiskDescription changed = new RiskDescription(List.of("Alții"), description().controlWeaknesses(),
                description().threatSources(), description().cultureParticularities(), List.of(EFFECT), List.of(CAUSE));
        fixture().given(STARTED, saved(1))
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, changed, measures(), 2), as(MEMBER))
                .expectEvents(new RiskAssessmentDraftSaved(ASSESSMENT, 1, changed, measures(), saved(1).effectiveness(),
                        saved(1).names()));
    }

    private static Measure existing(UUID id, EffectivenessCriteria criteria, String responsible, Indicator... indicators) {
        return new Measure(id, MeasureKind.EXISTING, "Măsură", criteria, responsible, List.of(indicators));
    }

    @Test
    void measures_and_indicators_have_unique_ids_a_kind_and_only_the_fields_of_their_kind() {
        Indicator numeric = new Indicator(IND1, "Număr", IndicatorKind.NUMERIC, List.of());
        refused(null, List.of(existing(EXISTING, null, null), existing(EXISTING, null, null)), Reason.INVALID,
                "measures[1].measureId", "DUPLICATE");
        refused(null, List.of(existing(EXISTING, null, null, new Indicator(EXISTING, "x", IndicatorKind.NUMERIC, null))),
                Reason.INVALID, "measures[0].indicators[0].indicatorId", "DUPLICATE");
        refused(null, List.of(existing(null, null, null)), Reason.INVALID, "measures[0].measureId", "REQUIRED");
        refused(null, List.of(new Measure(EXISTING, null, "x", null, null, null)), Reason.INVALID, "measures[0].kind", "REQUIRED");
        refused(null, Arrays.asList(existing(EXISTING, null, null), null), Reason.INVALID, "measures[1]", "REQUIRED");
        refused(null, List.of(existing(EXISTING, null, "Șeful serviciului")), Reason.INVALID, "measures[0].responsible",
                "NOT_APPLICABLE");
        refused(null, List.of(new Measure(ADDITIONAL, MeasureKind.ADDITIONAL, "x", criteria(true, null, null, null), "Șef", null)),
                Reason.INVALID, "measures[0].criteria", "NOT_APPLICABLE");
        refused(null, List.of(existing(EXISTING, null, null, new Indicator(IND1, "x", IndicatorKind.NUMERIC, List.of("Bine")))),
                Reason.INVALID, "measures[0].indicators[0].allowedValues", "NOT_APPLICABLE");
        refused(null, List.of(existing(EXISTING, null, null, new Indicator(IND1, "x", IndicatorKind.QUALITATIVE,
                List.of("Bine", " bine ")))), Reason.INVALID, "measures[0].indicators[0].allowedValues[1]", "DUPLICATE");
        refused(null, List.of(existing(EXISTING, null, null, new Indicator(IND1, "x", null, null))), Reason.INVALID,
                "measures[0].indicators[0].kind", "REQUIRED");
        refused(null, List.of(new Measure(ADDITIONAL, MeasureKind.ADDITIONAL, "x", null, "ion.pop@politia.ro", null)),
                Reason.INVALID, "measures[0].responsible", "PERSONAL_DATA");
        refused(null, List.of(existing(EXISTING, null, null, numeric), existing(UUID.randomUUID(), null, null,
                new Indicator(IND2, "CNP " + CNP, IndicatorKind.NUMERIC, null))), Reason.INVALID,
                "measures[1].indicators[0].name", "PERSONAL_DATA");
    }

    @Test
    void at_most_one_hundred_measures_and_twenty_indicators_a_measure() {
        refused(null, IntStream.range(0, 101).mapToObj(i -> existing(UUID.randomUUID(), null, null)).toList(), Reason.INVALID,
                "measures", "TOO_MANY");
        refused(null, List.of(existing(EXISTING, null, null, IntStream.range(0, 21)
                        .mapToObj(i -> new Indicator(UUID.randomUUID(), "i" + i, IndicatorKind.NUMERIC, null)).toArray(Indicator[]::new))),
                Reason.INVALID, "measures[0].indicators", "TOO_MANY");
    }

    @Test
    void only_its_member_saves_the_current_version_of_an_existing_assessment() {
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), measures(), 1), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "assessmentId", "NOT_YOURS"));
        fixture().given(STARTED, saved(1))
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), List.of(), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().givenNoPriorActivity()
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), measures(), 0), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "assessmentId", "NOT_FOUND"));
    }

    @Test
    void saving_when_the_plan_is_closed_or_no_longer_assigns_the_work_unit_is_refused() {
        plans.given(new PlanActivated(PLAN, CLUJ, LocalDate.of(2026, 11, 2), PURPOSE,
                List.of(new PlanMember(MEMBER, List.of(WU2), true, false)),
                new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), MEASURES_DEADLINE), null));
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), measures(), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "workUnitId", "WORK_UNIT_NOT_ASSIGNED"));
        plans.given(new PlanClosed(PLAN, CLUJ));
        fixture().given(STARTED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), measures(), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN"));
    }

    // ---------------------------------------------------------------- evaluation

    @Test
    void the_evaluation_is_computed_exactly_with_the_current_methodology_and_the_same_scores_again_append_nothing() {
        fixture().given(STARTED, saved(1))
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 2), as(MEMBER))
                .expectEvents(EVALUATED).expectResultMessagePayload(3L);
        fixture().given(STARTED, saved(1), EVALUATED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 3), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(3L);
        // every change is a line of the history (UCA 69)
        RiskEvaluation high = RiskEvaluation.of(4, impacts333334(), MethodologyContent.defaults(), 1);
        fixture().given(STARTED, saved(1), EVALUATED)
                .when(new EvaluateRisk(ASSESSMENT, 4, impacts333334(), 3), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, high, DIMENSION_NAMES, 1, List.of()));
    }

    @Test
    void a_probability_outside_one_to_five_is_refused() {
        for (int p : new int[]{0, 6, -1}) {
            fixture().given(STARTED)
                    .when(new EvaluateRisk(ASSESSMENT, p, impacts333334(), 1), as(MEMBER))
                    .expectNoEvents().expectException(rejected(Reason.INVALID, "probability", "SCORE_OUT_OF_RANGE"));
        }
    }

    static final UUID INCIDENT = UUID.randomUUID();
    static final UUID INCIDENT_ELSEWHERE = UUID.randomUUID();

    static Object[] incident(UUID id, UUID orgUnit, County county) {
        IncidentDetails details = new IncidentDetails("Luare de mită", county, orgUnit, "Org unit " + orgUnit,
                IncidentType.INDICTMENT, LocalDate.of(2026, 3, 10), "1234", LocalDate.of(2026, 3, 30), "Conținut");
        RiskLink link = new RiskLink(UUID.randomUUID(), orgUnit, "Org unit " + orgUnit, WU1, "Work unit " + WU1, DOMAIN,
                "Achiziții publice", ACTIVITY, "Atribuirea contractelor", RISK, "Favorizarea unui ofertant", List.of());
        return new Object[]{new IntegrityIncidentRecorded(id, details), new IncidentRiskLinked(id, link)};
    }

    @Test
    void incidents_linked_to_the_risk_in_other_structures_refuse_scores_one_and_two() {
        materialised.given(incident(INCIDENT_ELSEWHERE, IASI, County.IS));
        for (int p : new int[]{1, 2}) {
            fixture().given(STARTED)
                    .when(new EvaluateRisk(ASSESSMENT, p, impacts333334(), 1), as(MEMBER))
                    .expectNoEvents().expectException(rejected(Reason.INVALID, "probability", "BELOW_INCIDENT_FLOOR",
                            Map.of("lowestAllowed", 3, "incidentIds", List.of(INCIDENT_ELSEWHERE.toString()))));
        }
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 1), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, MODERATE, DIMENSION_NAMES, 3, List.of(INCIDENT_ELSEWHERE)));
    }

    @Test
    void incidents_linked_to_the_risk_in_the_same_structure_allow_only_four_and_five() {
        materialised.given(incident(INCIDENT_ELSEWHERE, IASI, County.IS)).given(incident(INCIDENT, CLUJ, County.CJ));
        for (int p : new int[]{1, 2, 3}) {
            fixture().given(STARTED)
                    .when(new EvaluateRisk(ASSESSMENT, p, impacts333334(), 1), as(MEMBER))
                    .expectNoEvents().expectException(rejected(Reason.INVALID, "probability", "BELOW_INCIDENT_FLOOR",
                            Map.of("lowestAllowed", 4, "incidentIds", List.of(INCIDENT.toString()))));
        }
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 4, impacts333334(), 1), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, RiskEvaluation.of(4, impacts333334(), MethodologyContent.defaults(), 1),
                        DIMENSION_NAMES, 4, List.of(INCIDENT)));
        // an archived incident no longer counts
        materialised.given(new IntegrityIncidentArchived(INCIDENT));
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 1), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, MODERATE, DIMENSION_NAMES, 3, List.of(INCIDENT_ELSEWHERE)));
    }

    private void refusedImpacts(List<ImpactScore> impacts, String field, String code) {
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts, 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, field, code));
    }

    @Test
    void impacts_are_distinct_active_dimensions_importances_one_to_a_hundred_totalling_exactly_a_hundred_scores_one_to_five() {
        refusedImpacts(List.of(), "impacts", "REQUIRED");
        refusedImpacts(null, "impacts", "REQUIRED");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 50, 3), new ImpactScore(EFFECT, 50, 3)), "impacts[1].dimensionId", "WRONG_LIST");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 50, 3), new ImpactScore(DIM_BUDGET, 50, 3)), "impacts[1].dimensionId", "DUPLICATE");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 0, 3), new ImpactScore(DIM_IMAGE, 100, 3)), "impacts[0].importance",
                "IMPORTANCE_OUT_OF_RANGE");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 101, 3)), "impacts[0].importance", "IMPORTANCE_OUT_OF_RANGE");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 50, 6), new ImpactScore(DIM_IMAGE, 50, 3)), "impacts[0].score",
                "SCORE_OUT_OF_RANGE");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 50, 3), new ImpactScore(DIM_IMAGE, 50, 0)), "impacts[1].score",
                "SCORE_OUT_OF_RANGE");
        refusedImpacts(List.of(new ImpactScore(DIM_BUDGET, 33, 3), new ImpactScore(DIM_IMAGE, 33, 3), new ImpactScore(DIM_SCHEDULE, 33, 3)),
                "impacts", "IMPORTANCES_NOT_100");
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 3, List.of(new ImpactScore(UUID.randomUUID(), 100, 3)), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "impacts[0].dimensionId", "NOT_FOUND"));
        catalogue.given(new ReferenceEntryDeactivated(DIM_IMAGE, ReferenceList.IMPACT_DIMENSION));
        refusedImpacts(List.of(new ImpactScore(DIM_IMAGE, 100, 3)), "impacts[0].dimensionId", "INACTIVE_ENTRY");
    }

    @Test
    void a_dimension_deactivated_since_it_was_scored_may_be_scored_again() {
        catalogue.given(new ReferenceEntryDeactivated(DIM_BUDGET, ReferenceList.IMPACT_DIMENSION));
        RiskEvaluation again = RiskEvaluation.of(5, impacts333334(), MethodologyContent.defaults(), 1);
        fixture().given(STARTED, EVALUATED)
                .when(new EvaluateRisk(ASSESSMENT, 5, impacts333334(), 2), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, again, DIMENSION_NAMES, 1, List.of()));
    }

    @Test
    void nothing_is_scored_before_a_methodology_is_published() {
        methodologies = new InMemoryMethodologies();
        fixture().given(STARTED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 1), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "methodology", "METHODOLOGY_MISSING"));
    }

    /** The defaults with the moderate band from 14 instead of 8 (and high from 20). */
    static MethodologyContent stricter() {
        MethodologyContent d = MethodologyContent.defaults();
        return new MethodologyContent(d.probabilityScale(), d.impactScale(), d.effectivenessGrid(), List.of(
                new PriorityBand(1, RiskClass.HIGH, new BigDecimal("20.00"), "Risc înalt", "În cel mult o lună"),
                new PriorityBand(2, RiskClass.MODERATE, new BigDecimal("14.00"), "Risc moderat", "În cel mult un an"),
                d.priorityBands().get(2)));
    }

    @Test
    void a_new_methodology_version_applies_to_evaluations_made_after_it_and_the_earlier_one_keeps_its_own() {
        methodologies.publish(stricter());
        RiskEvaluation underVersion2 = new RiskEvaluation(3, impacts333334(), new BigDecimal("4.66"), new BigDecimal("13.98"),
                3, RiskClass.MINOR, MethodologyContent.defaults().priorityBands().get(2).interventionTerm(), 2);
        // the same scores under a new version are a new evaluation (a new line of the history); EVALUATED stays as it was
        fixture().given(STARTED, saved(1), EVALUATED)
                .when(new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 3), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, underVersion2, DIMENSION_NAMES, 1, List.of()));
        // a finalisation carries the evaluation as it was made, under version 1
        fixture().given(STARTED, saved(1), EVALUATED).andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectEvents(new RiskAssessmentFinalised(ASSESSMENT, edition(1, DAY)));
    }

    // ---------------------------------------------------------------- finalisation

    @Test
    void a_complete_assessment_is_finalised_with_every_name_resolved_on_time_or_late() {
        fixture().given(STARTED, saved(1), EVALUATED).andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectEvents(new RiskAssessmentFinalised(ASSESSMENT, edition(1, DAY))).expectResultMessagePayload(4L);
        LocalDate late = MEASURES_DEADLINE.plusDays(1);
        fixture().given(STARTED, saved(1), EVALUATED).andGivenCurrentTime(on(late))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectEvents(new RiskAssessmentFinalised(ASSESSMENT, edition(1, late)));
    }

    private void finaliseRefused(Reason reason, String field, String code, Object... given) {
        fixture().given(given).andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, given.length), as(MEMBER))
                .expectNoEvents().expectException(rejected(reason, field, code));
    }

    @Test
    void finalising_needs_every_section_complete_and_names_the_first_reason() {
        finaliseRefused(Reason.INVALID, "description.exposedPersonnel", "REQUIRED", STARTED);
        RiskDescription noEffect = new RiskDescription(description().exposedPersonnel(), description().controlWeaknesses(),
                description().threatSources(), description().cultureParticularities(), List.of(), List.of());
        finaliseRefused(Reason.INVALID, "description.effectIds", "REQUIRED", STARTED,
                new RiskAssessmentDraftSaved(ASSESSMENT, 1, noEffect, measures(), saved(1).effectiveness(), Map.of()));
        finaliseRefused(Reason.INVALID, "probability", "REQUIRED", STARTED, saved(1));
        List<Measure> unscored = List.of(measures().get(1), existing(EXISTING, criteria(true, null, true, true), null,
                new Indicator(IND1, "x", IndicatorKind.NUMERIC, null)));
        finaliseRefused(Reason.INVALID, "measures[1].criteria", "REQUIRED", STARTED,
                new RiskAssessmentDraftSaved(ASSESSMENT, 1, description(), unscored, Map.of(), Map.of()), EVALUATED);
        List<Measure> noIndicator = List.of(measures().get(1), existing(EXISTING, criteria(true, true, true, true), null));
        finaliseRefused(Reason.INVALID, "measures[1].indicators", "REQUIRED", STARTED,
                new RiskAssessmentDraftSaved(ASSESSMENT, 1, description(), noIndicator, Map.of(), Map.of()), EVALUATED);
    }

    @Test
    void a_high_or_moderate_risk_is_not_finalised_without_an_additional_measure_a_minor_one_is() {
        List<Measure> existingOnly = List.of(measures().getFirst());
        RiskAssessmentDraftSaved noAdditional = new RiskAssessmentDraftSaved(ASSESSMENT, 1, description(), existingOnly,
                saved(1).effectiveness(), saved(1).names());
        finaliseRefused(Reason.INVALID, "measures", "ADDITIONAL_MEASURE_REQUIRED", STARTED, noAdditional, EVALUATED);
        RiskEvaluation high = RiskEvaluation.of(4, impacts333334(), MethodologyContent.defaults(), 1);
        finaliseRefused(Reason.INVALID, "measures", "ADDITIONAL_MEASURE_REQUIRED", STARTED, noAdditional,
                new RiskEvaluated(ASSESSMENT, 1, high, DIMENSION_NAMES, 1, List.of()));
        RiskEvaluation minor = RiskEvaluation.of(1, impacts333334(), MethodologyContent.defaults(), 1);
        fixture().given(STARTED, noAdditional, new RiskEvaluated(ASSESSMENT, 1, minor, DIMENSION_NAMES, 1, List.of()))
                .andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_incident_linked_since_the_evaluation_refuses_the_finalisation_until_scored_again() {
        materialised.given(incident(INCIDENT, CLUJ, County.CJ));
        fixture().given(STARTED, saved(1), EVALUATED).andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "probability", "BELOW_INCIDENT_FLOOR",
                        Map.of("section", "EVALUATION", "lowestAllowed", 4, "incidentIds", List.of(INCIDENT.toString()))));
    }

    @Test
    void finalising_under_a_plan_no_longer_active_is_refused() {
        plans.given(new PlanClosed(PLAN, CLUJ));
        finaliseRefused(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN", STARTED, saved(1), EVALUATED);
    }

    // ---------------------------------------------------------------- editions

    static final RiskAssessmentFinalised FINALISED = new RiskAssessmentFinalised(ASSESSMENT, edition(1, DAY));

    @Test
    void a_finalised_edition_is_changed_only_through_a_new_edition() {
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), List.of(), 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "FINALISED"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new EvaluateRisk(ASSESSMENT, 5, impacts333334(), 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "FINALISED"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new FinaliseRiskAssessment(ASSESSMENT, 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "ALREADY_FINALISED"));
        fixture().given(STARTED, saved(1), EVALUATED)
                .when(new StartAssessmentEdition(ASSESSMENT, 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "NOT_FINALISED"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new StartAssessmentEdition(ASSESSMENT, 4), as(MEMBER))
                .expectEvents(new AssessmentEditionStarted(ASSESSMENT, 2)).expectResultMessagePayload(5L);
    }

    @Test
    void the_next_edition_starts_from_the_finalised_content_and_is_finalised_as_edition_two() {
        AssessmentEditionStarted second = new AssessmentEditionStarted(ASSESSMENT, 2);
        // the content is the finalised one: saving it unchanged appends nothing
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED, second)
                .when(new SaveRiskAssessmentDraft(ASSESSMENT, description(), measures(), 5), as(MEMBER))
                .expectNoEvents();
        RiskEvaluation rescored = RiskEvaluation.of(4, impacts333334(), MethodologyContent.defaults(), 1);
        RiskEvaluated again = new RiskEvaluated(ASSESSMENT, 2, rescored, DIMENSION_NAMES, 1, List.of());
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED, second)
                .when(new EvaluateRisk(ASSESSMENT, 4, impacts333334(), 5), as(MEMBER))
                .expectEvents(again);
        AssessmentEdition e1 = edition(1, DAY);
        AssessmentEdition e2 = new AssessmentEdition(2, e1.planId(), e1.planPurpose(), e1.orgUnitId(), e1.orgUnitName(),
                e1.county(), e1.workUnitId(), e1.workUnitName(), e1.domainId(), e1.domainName(), e1.activityId(),
                e1.activityName(), e1.riskId(), e1.riskName(), e1.memberUserId(), e1.memberName(), DAY, MEASURES_DEADLINE,
                false, e1.description(), rescored, e1.measures(), e1.effectiveness(), e1.names());
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED, second, again).andGivenCurrentTime(on(DAY))
                .when(new FinaliseRiskAssessment(ASSESSMENT, 6), as(MEMBER))
                .expectEvents(new RiskAssessmentFinalised(ASSESSMENT, e2));
    }

    // ---------------------------------------------------------------- inactivation

    @Test
    void an_inactive_assessment_refuses_every_change_but_its_reactivation() {
        RiskAssessmentInactivated inactivated = new RiskAssessmentInactivated(ASSESSMENT);
        fixture().given(STARTED, saved(1))
                .when(new InactivateRiskAssessment(ASSESSMENT, 2), as(MEMBER))
                .expectEvents(inactivated).expectResultMessagePayload(3L);
        List<Object> commands = List.of(new SaveRiskAssessmentDraft(ASSESSMENT, description(), List.of(), 3),
                new EvaluateRisk(ASSESSMENT, 3, impacts333334(), 3), new FinaliseRiskAssessment(ASSESSMENT, 3),
                new StartAssessmentEdition(ASSESSMENT, 3), new InactivateRiskAssessment(ASSESSMENT, 3));
        for (Object command : commands) {
            fixture().given(STARTED, saved(1), inactivated)
                    .when(command, as(MEMBER))
                    .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "INACTIVE"));
        }
        fixture().given(STARTED, saved(1), inactivated)
                .when(new ReactivateRiskAssessment(ASSESSMENT, 3), as(MEMBER))
                .expectEvents(new RiskAssessmentReactivated(ASSESSMENT));
        fixture().given(STARTED, saved(1))
                .when(new ReactivateRiskAssessment(ASSESSMENT, 2), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "ALREADY_ACTIVE"));
        fixture().given(STARTED, saved(1))
                .when(new InactivateRiskAssessment(ASSESSMENT, 2), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "assessmentId", "NOT_YOURS"));
    }

    // ---------------------------------------------------------------- re-evaluation during monitoring (UCA 80)

    private void registerSchedulesTheMeasures() {
        schedules.schedule(new ScheduledMeasure(RegisterIds.of(PLAN), 1, PLAN, CLUJ, ASSESSMENT, ADDITIONAL,
                LocalDate.of(2027, 9, 30), MeasurePeriodicity.ONCE, LocalDate.of(2027, 4, 1)));
    }

    @Test
    void once_the_register_schedules_its_measures_the_member_re_evaluates_the_finalised_risk_as_a_history_line() {
        registerSchedulesTheMeasures();
        RiskEvaluation lower = RiskEvaluation.of(2, impacts333334(), MethodologyContent.defaults(), 1);
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 4), as(MEMBER))
                .expectEvents(new RiskEvaluated(ASSESSMENT, 1, lower, DIMENSION_NAMES, 1, List.of())).expectResultMessagePayload(5L);
        // the same scores again: nothing
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 3, impacts333334(), 4), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(4L);
        // the edition stays finalised: a new edition is still started from it
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED, new RiskEvaluated(ASSESSMENT, 1, lower, DIMENSION_NAMES, 1, List.of()))
                .when(new StartAssessmentEdition(ASSESSMENT, 5), as(MEMBER))
                .expectEvents(new AssessmentEditionStarted(ASSESSMENT, 2));
    }

    @Test
    void re_evaluation_is_refused_on_a_draft_before_the_register_schedules_the_measures_and_to_anyone_but_its_member() {
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "NOT_MONITORED"));
        registerSchedulesTheMeasures();
        fixture().given(STARTED, saved(1), EVALUATED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "NOT_MONITORED"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 4), as(OTHER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, "assessmentId", "NOT_YOURS"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED, new RiskAssessmentInactivated(ASSESSMENT))
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 5), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "assessmentId", "INACTIVE"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 3), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 6, impacts333334(), 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "probability", "SCORE_OUT_OF_RANGE"));
        plans.given(new PlanClosed(PLAN, CLUJ));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new ReevaluateRisk(ASSESSMENT, 2, impacts333334(), 4), as(MEMBER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "planId", "NO_ACTIVE_PLAN"));
    }
    // ---------------------------------------------------------------- kept as existing (UCA 80)

    @Test
    void the_next_edition_starts_with_the_measures_kept_as_existing_as_existing_ones_to_be_scored() {
        kept.kept(ASSESSMENT, ADDITIONAL);
        List<Measure> withKept = List.of(measures().get(0),
                new Measure(ADDITIONAL, MeasureKind.EXISTING, "Rotația membrilor comisiei", EffectivenessCriteria.unanswered(), null,
                        measures().get(1).indicators()));
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new StartAssessmentEdition(ASSESSMENT, 4), as(MEMBER))
                .expectEvents(new AssessmentEditionStarted(ASSESSMENT, 2),
                        new RiskAssessmentDraftSaved(ASSESSMENT, 2, description(), withKept,
                                Map.of(EXISTING, effectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă")),
                                Map.of(EFFECT, "Prejudiciu adus bugetului", CAUSE, "Lege nr. 98/2016, art. 12")))
                .expectResultMessagePayload(6L);
        // another assessment's kept measure changes nothing here
        kept = new InMemoryKeptMeasures().kept(UUID.randomUUID(), ADDITIONAL);
        fixture().given(STARTED, saved(1), EVALUATED, FINALISED)
                .when(new StartAssessmentEdition(ASSESSMENT, 4), as(MEMBER))
                .expectEvents(new AssessmentEditionStarted(ASSESSMENT, 2)).expectResultMessagePayload(5L);
    }

    @Test
    void an_edition_with_a_kept_measure_needs_its_anexa_8_criteria_and_a_new_additional_measure_for_a_moderate_risk() {
        Measure keptRotation = new Measure(ADDITIONAL, MeasureKind.EXISTING, "Rotația membrilor comisiei",
                EffectivenessCriteria.unanswered(), null, measures().get(1).indicators());
        Map<UUID, MeasureEffectiveness> effectiveness = Map.of(EXISTING, effectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE,
                "Parțial eficientă"));
        Map<UUID, String> names = Map.of(EFFECT, "Prejudiciu adus bugetului", CAUSE, "Lege nr. 98/2016, art. 12");
        AssessmentEditionStarted second = new AssessmentEditionStarted(ASSESSMENT, 2);
        // the kept measure no longer counts as additional: a moderate risk needs another one
        finaliseRefused(Reason.INVALID, "measures", "ADDITIONAL_MEASURE_REQUIRED", STARTED, saved(1), EVALUATED, FINALISED,
                second, new RiskAssessmentDraftSaved(ASSESSMENT, 2, description(), List.of(measures().get(0), keptRotation),
                        effectiveness, names));
        // with one, the kept measure's Anexa 8 criteria are what is missing
        Measure cameras = new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, "Camere video în sala de licitații", null,
                "Șeful serviciului IT", List.of(new Indicator(UUID.randomUUID(), "Camere montate", IndicatorKind.NUMERIC, List.of())));
        finaliseRefused(Reason.INVALID, "measures[1].criteria", "REQUIRED", STARTED, saved(1), EVALUATED, FINALISED,
                second, new RiskAssessmentDraftSaved(ASSESSMENT, 2, description(), List.of(measures().get(0), keptRotation, cameras),
                        effectiveness, names));
    }
    @Test
    void a_new_assessment_starts_with_what_the_previous_plan_kept_as_existing_for_the_risk_in_the_work_unit() {
        UUID previousPlan = UUID.randomUUID();
        Measure rotation = measures().get(1); // additional, kept in the previous plan by another member
        Measure copy = new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, "O copie", null, "Altcineva",
                rotation.indicators()); // a copy with the same indicator ids: left out
        Measure cameras = new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, "Camere video în sala de licitații", null,
                "Șeful serviciului IT", List.of(new Indicator(UUID.randomUUID(), "Camere montate", IndicatorKind.NUMERIC, List.of())));
        kept.keptInPlan(previousPlan, CLUJ, WU1, RISK, rotation, copy, cameras)
                .keptInPlan(previousPlan, CLUJ, WU2, RISK, measures().get(0)); // another work unit: not carried
        Measure rotationExisting = new Measure(rotation.measureId(), MeasureKind.EXISTING, rotation.description(),
                EffectivenessCriteria.unanswered(), null, rotation.indicators());
        Measure camerasExisting = new Measure(cameras.measureId(), MeasureKind.EXISTING, cameras.description(),
                EffectivenessCriteria.unanswered(), null, cameras.indicators());
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectEvents(STARTED, new RiskAssessmentDraftSaved(ASSESSMENT, 1, RiskDescription.empty(),
                        List.of(rotationExisting, camerasExisting), Map.of(), Map.of()))
                .expectResultMessagePayload(2L);
        // started again: nothing carried twice
        fixture().given(STARTED, new RiskAssessmentDraftSaved(ASSESSMENT, 1, RiskDescription.empty(),
                        List.of(rotationExisting, camerasExisting), Map.of(), Map.of()))
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectNoEvents().expectResultMessagePayload(2L);
        // what this plan itself kept is not a previous period's
        kept = new InMemoryKeptMeasures().keptInPlan(PLAN, CLUJ, WU1, RISK, cameras);
        fixture().givenNoPriorActivity()
                .when(new StartRiskAssessment(ASSESSMENT, PLAN, WU1, ACTIVITY, RISK, null), as(MEMBER))
                .expectEvents(STARTED).expectResultMessagePayload(1L);
    }
}
