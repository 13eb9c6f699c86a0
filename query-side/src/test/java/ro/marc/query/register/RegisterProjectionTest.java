package ro.marc.query.register;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.event.IndicatorValuesRecorded;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureKeptAsExisting;
import ro.marc.events.monitoring.event.MeasureMarkedDone;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.org.County;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;
import ro.marc.query.common.OrgScope;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.register.RegisterViews.EvaluationEntry;
import ro.marc.query.register.RegisterViews.IndicatorView;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.MonitoringView;
import ro.marc.query.register.RegisterViews.PeriodValue;
import ro.marc.query.register.RegisterViews.RegisterSummary;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegisterReadModelProjection} on a real PostgreSQL, fed a register's and its measures' monitoring events,
 * read back through {@link RegisterQueries}: the draft and the saved edition (A402's merged risks as the events carry
 * them), the schedules and their due dates, the monitoring keyed by assessment and measure across editions, overdue
 * decided on the day asked (Europe/Bucharest, Axon's clock), the risk owners' evaluations merged in the order
 * recorded, the registers' list by reach, replays and a rebuild from zero.
 */
class RegisterProjectionTest {

    private final JdbcClient jdbc = TestServices.jdbc();
    private final JsonMapper json = JsonMapper.builder().build();
    private final RegisterReadModelProjection projection = new RegisterReadModelProjection(jdbc, json);
    private final RegisterQueries queries = new RegisterQueries(jdbc, json);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));
    private final MethodologyContent methodology = MethodologyContent.defaults();

    private final UUID root = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final UUID register = RegisterIds.of(plan);
    private final UUID wuOrder = UUID.randomUUID();
    private final UUID wuTraffic = UUID.randomUUID();
    private final UUID wuMissing = UUID.randomUUID();
    private final UUID domain = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID bribery = UUID.randomUUID();
    private final UUID leaks = UUID.randomUUID();
    private final UUID ioana = UUID.randomUUID();
    private final UUID vasile = UUID.randomUUID();
    private final UUID dan = UUID.randomUUID();
    private final UUID a1 = UUID.randomUUID();
    private final UUID a2 = UUID.randomUUID();
    private final UUID a3 = UUID.randomUUID();
    // a1: m1 rotation (numeric, monthly), m2 cameras (done / not done: one-off); a2: m3 (qualitative); a3: m4
    private final UUID m1 = UUID.randomUUID();
    private final UUID m2 = UUID.randomUUID();
    private final UUID m3 = UUID.randomUUID();
    private final UUID m4 = UUID.randomUUID();
    private final UUID i1 = UUID.randomUUID();
    private final UUID i2 = UUID.randomUUID();
    private final UUID i3 = UUID.randomUUID();
    private final UUID i4 = UUID.randomUUID();
    private final UUID i5 = UUID.randomUUID();
    private final UUID dimension = UUID.randomUUID();
    private final LocalDate anchor = LocalDate.of(2027, 4, 1);
    private final Instant at = Instant.parse("2027-04-10T10:00:00Z");

    private Clock original;

    @BeforeEach
    void setUp() {
        original = GenericEventMessage.clock;
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("""
                TRUNCATE risk_register, risk_register_measure, risk_register_assessment, risk_register_evaluation,
                         register_monitoring, register_monitoring_measure, register_monitoring_value""").update();
        org.initialise(root, "MARC");
        org.create(cluj, root, "IPJ Cluj", County.CJ);
        org.create(iasi, root, "IPJ Iași", County.IS);
        today(LocalDate.of(2027, 4, 10));
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = original;
    }

    /** Axon's clock at noon in Romania on {@code day}. */
    private void today(LocalDate day) {
        clockAt(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    private void clockAt(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ the events

    private RiskEvaluation evaluation(int probability, int score) {
        return RiskEvaluation.of(probability, List.of(new ImpactScore(dimension, 100, score)), methodology, 1);
    }

    private AssessmentEdition edition(UUID orgUnit, String orgUnitName, County county, UUID workUnit, String workUnitName,
                                      UUID risk, String riskName, UUID member, String memberName,
                                      RiskEvaluation evaluation, List<Measure> measures) {
        return new AssessmentEdition(1, plan, "Evaluarea riscurilor 2027", orgUnit, orgUnitName, county, workUnit,
                workUnitName, domain, "Ordine și siguranță publică", activity, "Constatarea contravențiilor", risk,
                riskName, member, memberName, LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 31), false,
                RiskDescription.empty(), evaluation, measures,
                Map.of(m1, new MeasureEffectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă", 1)),
                Map.of());
    }

    private List<RegisterRisk> risks() {
        AssessmentEdition e1 = edition(cluj, "IPJ Cluj", County.CJ, wuOrder, "Ordine publică", bribery, "Luarea de mită",
                ioana, "Ioana Mureșan", evaluation(3, 4), List.of(
                        new Measure(m1, MeasureKind.EXISTING, "Rotația personalului pe sectoare",
                                new EffectivenessCriteria(true, true, false, true), null,
                                List.of(new Indicator(i1, "Număr de rotații", IndicatorKind.NUMERIC, List.of()))),
                        new Measure(m2, MeasureKind.ADDITIONAL, "Camere video purtate", null, "Șeful serviciului",
                                List.of(new Indicator(i2, "Camere instalate", IndicatorKind.DONE_NOT_DONE, List.of())))));
        AssessmentEdition e2 = edition(cluj, "IPJ Cluj", County.CJ, wuTraffic, "Poliție rutieră", bribery, "Luarea de mită",
                vasile, "Vasile Alexandru", evaluation(4, 5), List.of(
                        new Measure(m3, MeasureKind.ADDITIONAL, "Instruire anticorupție", null, "Biroul resurse umane",
                                List.of(new Indicator(i3, "Calitatea instruirii", IndicatorKind.QUALITATIVE,
                                        List.of("Slab", "Bine", "Foarte bine"))))));
        AssessmentEdition e3 = edition(cluj, "IPJ Cluj", County.CJ, wuOrder, "Ordine publică", leaks,
                "Scurgerea de informații", ioana, "Ioana Mureșan", evaluation(2, 3), List.of(
                        new Measure(m4, MeasureKind.ADDITIONAL, "Jurnalizarea accesului", null, "Ofițerul de securitate",
                                List.of(new Indicator(i4, "Accesări verificate", IndicatorKind.NUMERIC, List.of()),
                                        new Indicator(i5, "Calitatea jurnalului", IndicatorKind.QUALITATIVE,
                                                List.of("Slab", "Bine"))))));
        // A402: the bribery risk once, its two assessments merged, the highest exposure (a2: 4 × 5 = 20) the risk's
        return List.of(
                new RegisterRisk(bribery, "Luarea de mită", activity, "Constatarea contravențiilor", domain,
                        "Ordine și siguranță publică", a2, e2.evaluation(), List.of(e1, e2), List.of(a1, a2)),
                new RegisterRisk(leaks, "Scurgerea de informații", activity, "Constatarea contravențiilor", domain,
                        "Ordine și siguranță publică", a3, e3.evaluation(), List.of(e3), List.of(a3)));
    }

    private List<MissingAssessment> missing() {
        return List.of(new MissingAssessment(wuMissing, "Arme și explozivi", dan, "Dan Pop"));
    }

    private List<MeasureSchedule> schedules() {
        return List.of(new MeasureSchedule(a1, m1, LocalDate.of(2027, 6, 30), MeasurePeriodicity.MONTHLY),
                new MeasureSchedule(a1, m2, LocalDate.of(2027, 5, 15), MeasurePeriodicity.ONCE),
                new MeasureSchedule(a2, m3, LocalDate.of(2027, 12, 31), MeasurePeriodicity.QUARTERLY),
                new MeasureSchedule(a3, m4, LocalDate.of(2027, 9, 30), null));
    }

    private RiskRegisterGenerated generated(int edition, List<MeasureSchedule> carried) {
        return new RiskRegisterGenerated(register, plan, cluj, edition, LocalDate.of(2027, 4, 2), risks(), missing(),
                carried);
    }

    private RiskRegisterSaved saved(int edition, String number) {
        return new RiskRegisterSaved(register, new RegisterEdition(edition, plan, "Evaluarea riscurilor 2027", cluj,
                "IPJ Cluj", County.CJ, number, "Mihai Ionescu", LocalDate.of(2027, 4, 3), UUID.randomUUID(),
                "Ana Pop", anchor, LocalDate.of(2027, 12, 31), risks(), missing(), schedules(),
                List.of("Ana Pop", "Ioana Mureșan", "Vasile Alexandru")));
    }

    private MeasureEvaluationsRecorded evaluations(EvaluationSource source, MeasureEvaluation... rows) {
        return new MeasureEvaluationsRecorded(register, plan, cluj, 1, source, UUID.randomUUID(), "Ana Pop",
                LocalDate.of(2027, 4, 20), List.of(rows));
    }

    private final UUID monitoring = MonitoringIds.of(a1);

    private MeasureMarkedDone done(UUID measure, LocalDate on, LocalDate deadline) {
        return new MeasureMarkedDone(monitoring, a1, plan, cluj, measure, on, deadline, on.isAfter(deadline), ioana,
                "Ioana Mureșan");
    }

    private IndicatorValuesRecorded values(LocalDate period, String value) {
        return new IndicatorValuesRecorded(monitoring, a1, m1, period, List.of(new IndicatorValue(i1, value)),
                LocalDate.of(2027, 5, 2), ioana, "Ioana Mureșan");
    }

    /** An event of the register's or a monitoring's stream, as a processor receives it. */
    private record Stored(UUID aggregate, long seq, Object payload, Instant at) {
    }

    /** The register's events up to the first save and two batches of evaluations; monitoring of a1 (5 events). */
    private List<Stored> firstEditionEvents() {
        return List.of(
                new Stored(register, 0, generated(1, List.of()), at),
                new Stored(register, 1, saved(1, "1234/2027"), at.plusSeconds(1)),
                new Stored(register, 2, evaluations(EvaluationSource.WORKBOOK,
                        new MeasureEvaluation(bribery, null, m1, i1, "4", "Ionuț Popescu", 2),
                        new MeasureEvaluation(bribery, null, m1, i1, "10", "Vasile Alexandru", 3),
                        new MeasureEvaluation(bribery, a2, m3, i3, "Bine", "Vasile Alexandru", 4)), at.plusSeconds(2)),
                new Stored(register, 3, evaluations(EvaluationSource.RISK_OWNER,
                        new MeasureEvaluation(bribery, a1, m1, i1, "7", "Maria Rus", null)), at.plusSeconds(3)),
                new Stored(monitoring, 0, done(m2, LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 15)), at),
                new Stored(monitoring, 1, values(LocalDate.of(2027, 4, 30), "2"), at),
                new Stored(monitoring, 2, values(LocalDate.of(2027, 4, 30), "3"), at), // replaces the period's value
                new Stored(monitoring, 3, values(LocalDate.of(2027, 5, 31), "5"), at),
                new Stored(monitoring, 4, new MeasureDueSoon(monitoring, a1, plan, cluj, ioana, m1,
                        "Rotația personalului pe sectoare", "Luarea de mită", LocalDate.of(2027, 6, 30),
                        LocalDate.of(2027, 6, 30), LocalDate.of(2027, 6, 27)), at));
    }

    private void firstEdition() {
        firstEditionEvents().forEach(this::direct);
    }

    private void direct(Stored e) {
        switch (e.payload()) {
            case RiskRegisterGenerated p -> projection.on(p, e.seq(), e.at());
            case RiskRegisterSaved p -> projection.on(p, e.seq(), e.at());
            case MeasureEvaluationsRecorded p -> projection.on(p, e.seq(), e.at());
            case MeasureMarkedDone p -> projection.on(p, e.seq());
            case IndicatorValuesRecorded p -> projection.on(p, e.seq());
            case MeasureDueSoon p -> projection.on(p, e.seq());
            default -> throw new IllegalArgumentException(String.valueOf(e.payload()));
        }
    }

    private static MeasureView measure(RegisterView view, UUID measureId) {
        return view.risks().stream().flatMap(r -> r.measures().stream()).filter(m -> m.measureId().equals(measureId))
                .findFirst().orElseThrow();
    }

    private static IndicatorView indicator(MeasureView measure, UUID indicatorId) {
        return measure.indicators().stream().filter(i -> i.indicatorId().equals(indicatorId)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void the_draft_shows_the_merged_risks_and_the_missing_work_units_before_any_schedule() {
        assertThat(queries.register(plan)).isEmpty();
        assertThat(queries.version(plan)).isZero();
        assertThat(queries.orgUnitOfPlan(plan)).isEmpty();

        projection.on(generated(1, List.of()), 0, at);

        RegisterView draft = queries.register(plan).orElseThrow();
        assertThat(draft.registerId()).isEqualTo(register);
        assertThat(draft.content()).isEqualTo(RegisterContent.DRAFT);
        assertThat(draft.draftEdition()).isEqualTo(1);
        assertThat(draft.generatedOn()).isEqualTo(LocalDate.of(2027, 4, 2));
        assertThat(draft.savedEdition()).isNull();
        assertThat(draft.registrationNumber()).isNull();
        assertThat(draft.members()).isEmpty();
        assertThat(draft.version()).isEqualTo(1);
        // names of a register never saved: its assessments'
        assertThat(draft.orgUnitName()).isEqualTo("IPJ Cluj");
        assertThat(draft.county()).isEqualTo(County.CJ);
        assertThat(draft.planPurpose()).isEqualTo("Evaluarea riscurilor 2027");
        assertThat(queries.orgUnitOfPlan(plan)).contains(cluj);
        assertThat(queries.version(plan)).isEqualTo(1);

        // A402 as carried: one entry per risk, both assessments of the bribery risk side by side, a2's evaluation
        assertThat(draft.risks()).extracting(RiskView::riskId).containsExactly(bribery, leaks);
        RiskView merged = draft.risks().getFirst();
        assertThat(merged.highestAssessmentId()).isEqualTo(a2);
        assertThat(merged.highest().exposure()).isEqualByComparingTo("20.00");
        assertThat(merged.assessments()).extracting(a -> a.assessmentId()).containsExactly(a1, a2);
        assertThat(merged.assessments()).extracting(a -> a.memberName()).containsExactly("Ioana Mureșan", "Vasile Alexandru");
        assertThat(merged.assessments().getFirst().evaluation().exposure()).isEqualByComparingTo("12.00");
        assertThat(merged.measures()).extracting(MeasureView::measureId).containsExactly(m1, m2, m3);
        assertThat(merged.measures()).extracting(MeasureView::assessmentId).containsExactly(a1, a1, a2);
        assertThat(draft.missing()).containsExactly(new MissingAssessment(wuMissing, "Arme și explozivi", dan, "Dan Pop"));
        assertThat(draft.measureCount()).isEqualTo(4);
        assertThat(draft.overdueMeasures()).isZero();

        MeasureView rotation = measure(draft, m1);
        assertThat(rotation.kind()).isEqualTo(MeasureKind.EXISTING);
        assertThat(rotation.effectiveness()).isEqualTo(EffectivenessLevel.PARTIALLY_EFFECTIVE);
        assertThat(rotation.oneOff()).isFalse();
        assertThat(rotation.deadline()).isNull();
        assertThat(rotation.periodicity()).isNull();
        assertThat(rotation.dueDates()).isEmpty();
        assertThat(rotation.done()).isFalse();
        assertThat(rotation.overdue()).isFalse();
        MeasureView cameras = measure(draft, m2);
        assertThat(cameras.oneOff()).isTrue();
        assertThat(cameras.responsible()).isEqualTo("Șeful serviciului");
        assertThat(indicator(measure(draft, m3), i3).allowedValues()).containsExactly("Slab", "Bine", "Foarte bine");

        // the same generation again (a replay) changes nothing
        projection.on(generated(1, List.of()), 0, at);
        assertThat(queries.register(plan).orElseThrow()).isEqualTo(draft);
    }

    @Test
    void the_saved_edition_with_its_schedules_due_dates_monitoring_and_merged_evaluations() {
        firstEdition();

        RegisterView saved = queries.register(plan).orElseThrow();
        assertThat(saved.content()).isEqualTo(RegisterContent.SAVED);
        assertThat(saved.draftEdition()).isNull();
        assertThat(saved.generatedOn()).isNull();
        assertThat(saved.savedEdition()).isEqualTo(1);
        assertThat(saved.savedOn()).isEqualTo(LocalDate.of(2027, 4, 3));
        assertThat(saved.savedByName()).isEqualTo("Ana Pop");
        assertThat(saved.registrationNumber()).isEqualTo("1234/2027");
        assertThat(saved.approverName()).isEqualTo("Mihai Ionescu");
        assertThat(saved.measuresStageStart()).isEqualTo(anchor);
        assertThat(saved.planLastDay()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(saved.members()).containsExactly("Ana Pop", "Ioana Mureșan", "Vasile Alexandru");
        assertThat(saved.version()).isEqualTo(4); // generated, saved, two evaluation batches

        // periods anchored on the measures stage's start, the last ending on the deadline
        MeasureView rotation = measure(saved, m1);
        assertThat(rotation.deadline()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(rotation.periodicity()).isEqualTo(MeasurePeriodicity.MONTHLY);
        assertThat(rotation.dueDates()).containsExactly(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31),
                LocalDate.of(2027, 6, 30));
        assertThat(measure(saved, m3).dueDates()).containsExactly(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 9, 30),
                LocalDate.of(2027, 12, 31));
        // no periodicity: once
        assertThat(measure(saved, m4).periodicity()).isEqualTo(MeasurePeriodicity.ONCE);
        assertThat(measure(saved, m4).dueDates()).containsExactly(LocalDate.of(2027, 9, 30));

        // monitoring: done, dated, by whom; the members' values per period, the later one of a period replacing
        MeasureView cameras = measure(saved, m2);
        assertThat(cameras.done()).isTrue();
        assertThat(cameras.doneOn()).isEqualTo(LocalDate.of(2027, 5, 2));
        assertThat(cameras.doneByName()).isEqualTo("Ioana Mureșan");
        assertThat(rotation.done()).isFalse();
        assertThat(indicator(rotation, i1).values()).containsExactly(
                new PeriodValue(LocalDate.of(2027, 4, 30), "3", "Ioana Mureșan", LocalDate.of(2027, 5, 2)),
                new PeriodValue(LocalDate.of(2027, 5, 31), "5", "Ioana Mureșan", LocalDate.of(2027, 5, 2)));

        // A1001 / G04: per (assessment, measure, indicator), in the order recorded: 4 Ionuț Popescu, 10 Vasile Alexandru, …
        assertThat(indicator(rotation, i1).evaluations()).containsExactly(
                new EvaluationEntry("4", "Ionuț Popescu", EvaluationSource.WORKBOOK, LocalDate.of(2027, 4, 20)),
                new EvaluationEntry("10", "Vasile Alexandru", EvaluationSource.WORKBOOK, LocalDate.of(2027, 4, 20)),
                new EvaluationEntry("7", "Maria Rus", EvaluationSource.RISK_OWNER, LocalDate.of(2027, 4, 20)));
        assertThat(indicator(measure(saved, m3), i3).evaluations()).extracting(EvaluationEntry::value).containsExactly("Bine");
        assertThat(indicator(measure(saved, m4), i4).evaluations()).isEmpty();

        // replays of the register's and the monitoring's events change nothing (the older value stays replaced)
        projection.on(generated(1, List.of()), 0, at);
        projection.on(saved(1, "1234/2027"), 1, at.plusSeconds(1));
        projection.on(evaluations(EvaluationSource.WORKBOOK,
                new MeasureEvaluation(bribery, null, m1, i1, "4", "Ionuț Popescu", 2),
                new MeasureEvaluation(bribery, null, m1, i1, "10", "Vasile Alexandru", 3),
                new MeasureEvaluation(bribery, a2, m3, i3, "Bine", "Vasile Alexandru", 4)), 2, at.plusSeconds(2));
        projection.on(values(LocalDate.of(2027, 4, 30), "2"), 1);
        projection.on(done(m2, LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 15)), 0);
        assertThat(queries.register(plan).orElseThrow()).isEqualTo(saved);
        assertThat(queries.monitoringVersion(a1)).isEqualTo(5);
    }

    @Test
    void overdue_is_decided_on_the_day_asked_in_romania() {
        firstEdition();
        // 30 June 2027, 23:30 in Bucharest: the rotation's deadline is today, not passed
        clockAt(Instant.parse("2027-06-30T20:30:00Z"));
        RegisterView onTheDay = queries.register(plan).orElseThrow();
        assertThat(measure(onTheDay, m1).overdue()).isFalse();
        assertThat(onTheDay.overdueMeasures()).isZero();

        // 1 July, 00:30 in Bucharest (still 30 June in UTC): passed and not done
        clockAt(Instant.parse("2027-06-30T21:30:00Z"));
        RegisterView nextDay = queries.register(plan).orElseThrow();
        assertThat(measure(nextDay, m1).overdue()).isTrue();
        // done (before its deadline, 15 May): never overdue
        assertThat(measure(nextDay, m2).overdue()).isFalse();
        assertThat(measure(nextDay, m3).overdue()).isFalse();
        assertThat(nextDay.overdueMeasures()).isEqualTo(1);
        assertThat(queries.registers(OrgScope.everything(), Set.of(), 10)).singleElement()
                .extracting(RegisterSummary::overdueMeasures).isEqualTo(1);

        today(LocalDate.of(2027, 10, 1));
        assertThat(queries.register(plan).orElseThrow().overdueMeasures()).isEqualTo(2); // m1 and m4
        assertThat(queries.registers(OrgScope.everything(), Set.of(), 10).getFirst().overdueMeasures()).isEqualTo(2);

        // once done, no longer overdue, whatever the day
        projection.on(done(m1, LocalDate.of(2027, 10, 1), LocalDate.of(2027, 6, 30)), 5);
        RegisterView after = queries.register(plan).orElseThrow();
        assertThat(measure(after, m1).overdue()).isFalse();
        assertThat(measure(after, m1).done()).isTrue();
        assertThat(after.overdueMeasures()).isEqualTo(1);
        assertThat(queries.registers(OrgScope.everything(), Set.of(), 10).getFirst().overdueMeasures()).isEqualTo(1);
    }

    @Test
    void a_new_draft_after_a_save_keeps_the_saved_edition_and_the_monitoring_of_measures_still_present() {
        firstEdition();
        projection.on(generated(2, schedules().subList(0, 2)), 4, at.plusSeconds(4));

        RegisterView draft = queries.register(plan).orElseThrow();
        assertThat(draft.content()).isEqualTo(RegisterContent.DRAFT);
        assertThat(draft.draftEdition()).isEqualTo(2);
        assertThat(draft.savedEdition()).isEqualTo(1);
        assertThat(draft.registrationNumber()).isEqualTo("1234/2027");
        assertThat(draft.members()).hasSize(3);
        assertThat(draft.version()).isEqualTo(5);
        // carried schedules shown; the others wait for the head
        assertThat(measure(draft, m1).deadline()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(measure(draft, m1).dueDates()).hasSize(3);
        assertThat(measure(draft, m3).deadline()).isNull();
        // monitoring follows the measure whatever the edition
        assertThat(measure(draft, m2).done()).isTrue();
        assertThat(indicator(measure(draft, m1), i1).evaluations()).hasSize(3);
        assertThat(queries.registers(OrgScope.everything(), Set.of(), 10)).singleElement()
                .satisfies(s -> {
                    assertThat(s.content()).isEqualTo(RegisterContent.DRAFT);
                    assertThat(s.savedEdition()).isEqualTo(1);
                    assertThat(s.registrationNumber()).isEqualTo("1234/2027");
                });

        projection.on(saved(2, "2345/2027"), 5, at.plusSeconds(5));
        RegisterView second = queries.register(plan).orElseThrow();
        assertThat(second.content()).isEqualTo(RegisterContent.SAVED);
        assertThat(second.draftEdition()).isNull();
        assertThat(second.savedEdition()).isEqualTo(2);
        assertThat(second.registrationNumber()).isEqualTo("2345/2027");
        assertThat(measure(second, m3).deadline()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(queries.version(plan)).isEqualTo(6);
        // an older save delivered late changes nothing
        projection.on(saved(1, "1234/2027"), 1, at.plusSeconds(1));
        assertThat(queries.register(plan).orElseThrow()).isEqualTo(second);
    }

    @Test
    void one_assessments_monitoring_with_its_version() {
        assertThat(queries.monitoring(a1)).isEmpty();
        assertThat(queries.monitoringVersion(a1)).isZero();
        firstEdition();

        MonitoringView view = queries.monitoring(a1).orElseThrow();
        assertThat(view.assessmentId()).isEqualTo(a1);
        assertThat(view.planId()).isEqualTo(plan);
        assertThat(view.version()).isEqualTo(5); // four monitoring events and a reminder
        assertThat(view.registerEdition()).isEqualTo(1);
        assertThat(view.finalisedOn()).isNull();
        assertThat(view.measures()).extracting(MeasureView::measureId).containsExactly(m1, m2);
        assertThat(view.measures().getFirst().dueDates()).hasSize(3);
        assertThat(view.measures().getFirst().indicators().getFirst().values()).hasSize(2);
        assertThat(view.measures().getFirst().indicators().getFirst().evaluations()).extracting(EvaluationEntry::value)
                .containsExactly("4", "10", "7");
        assertThat(view.measures().get(1).done()).isTrue();

        // a2: scheduled, nothing recorded yet
        MonitoringView other = queries.monitoring(a2).orElseThrow();
        assertThat(other.version()).isZero();
        assertThat(other.registerEdition()).isEqualTo(1);
        assertThat(other.measures()).extracting(MeasureView::measureId).containsExactly(m3);
        assertThat(other.measures().getFirst().indicators().getFirst().evaluations()).extracting(EvaluationEntry::personName)
                .containsExactly("Vasile Alexandru");

        projection.on(new MeasureKeptAsExisting(monitoring, a1, m2, LocalDate.of(2027, 5, 3), plan, cluj, wuOrder, bribery,
                new Measure(m2, MeasureKind.ADDITIONAL, "Instruire anticorupție", null, "Șeful biroului", List.of())), 5);
        projection.on(new MeasureOverdue(monitoring, a1, plan, cluj, ioana, m1, "Rotația personalului pe sectoare",
                "Luarea de mită", LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 1)), 6);
        projection.on(done(m1, LocalDate.of(2027, 7, 2), LocalDate.of(2027, 6, 30)), 7);
        projection.on(new MonitoringFinalised(monitoring, a1, plan, cluj, ioana, "Ioana Mureșan", bribery,
                "Luarea de mită", LocalDate.of(2027, 7, 3), 2, 1), 8);
        MonitoringView finalised = queries.monitoring(a1).orElseThrow();
        assertThat(finalised.version()).isEqualTo(9);
        assertThat(queries.monitoringVersion(a1)).isEqualTo(9);
        assertThat(finalised.finalisedOn()).isEqualTo(LocalDate.of(2027, 7, 3));
        assertThat(finalised.measures().get(1).keptAsExisting()).isTrue();
        assertThat(finalised.measures().getFirst().done()).isTrue();
        assertThat(finalised.measures().getFirst().doneOn()).isEqualTo(LocalDate.of(2027, 7, 2));

        // a later entry for a period replaces the period's values (the indicator left out has none for it any more)
        UUID m3Monitoring = MonitoringIds.of(a3);
        LocalDate period = LocalDate.of(2027, 9, 30);
        projection.on(new IndicatorValuesRecorded(m3Monitoring, a3, m4, period, List.of(new IndicatorValue(i4, "12"),
                new IndicatorValue(i5, "Bine")), LocalDate.of(2027, 9, 1), ioana, "Ioana Mureșan"), 0);
        projection.on(new IndicatorValuesRecorded(m3Monitoring, a3, m4, period, List.of(new IndicatorValue(i4, "14")),
                LocalDate.of(2027, 9, 2), ioana, "Ioana Mureșan"), 1);
        MeasureView logging = queries.monitoring(a3).orElseThrow().measures().getFirst();
        assertThat(indicator(logging, i4).values()).extracting(PeriodValue::value).containsExactly("14");
        assertThat(indicator(logging, i5).values()).isEmpty();

        // monitoring known before the register reaches the read model: its version, no measures yet
        UUID early = UUID.randomUUID();
        projection.on(new MeasureMarkedDone(MonitoringIds.of(early), early, plan, cluj, m4, LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 9, 30), false, ioana, "Ioana Mureșan"), 0);
        MonitoringView unscheduled = queries.monitoring(early).orElseThrow();
        assertThat(unscheduled.version()).isEqualTo(1);
        assertThat(unscheduled.planId()).isEqualTo(plan);
        assertThat(unscheduled.registerEdition()).isNull();
        assertThat(unscheduled.measures()).isEmpty();
    }

    @Test
    void the_registers_by_reach_and_structure_name() {
        firstEdition();
        UUID iasiPlan = UUID.randomUUID();
        UUID iasiRegister = RegisterIds.of(iasiPlan);
        projection.on(new RiskRegisterGenerated(iasiRegister, iasiPlan, iasi, 1, LocalDate.of(2027, 4, 5), List.of(),
                List.of(), List.of()), 0, at);

        List<RegisterSummary> all = queries.registers(OrgScope.everything(), Set.of(), 100);
        assertThat(all).extracting(RegisterSummary::orgUnitName).containsExactly("IPJ Cluj", "IPJ Iași");
        RegisterSummary clujSummary = all.getFirst();
        assertThat(clujSummary.registerId()).isEqualTo(register);
        assertThat(clujSummary.planId()).isEqualTo(plan);
        assertThat(clujSummary.county()).isEqualTo(County.CJ);
        assertThat(clujSummary.content()).isEqualTo(RegisterContent.SAVED);
        assertThat(clujSummary.savedEdition()).isEqualTo(1);
        assertThat(clujSummary.savedOn()).isEqualTo(LocalDate.of(2027, 4, 3));
        assertThat(clujSummary.registrationNumber()).isEqualTo("1234/2027");
        assertThat(clujSummary.risks()).isEqualTo(2);
        assertThat(clujSummary.measures()).isEqualTo(4);
        assertThat(clujSummary.overdueMeasures()).isZero();
        // a register generated without risks: its structure's name from the organisation
        RegisterSummary iasiSummary = all.get(1);
        assertThat(iasiSummary.content()).isEqualTo(RegisterContent.DRAFT);
        assertThat(iasiSummary.county()).isEqualTo(County.IS);
        assertThat(iasiSummary.savedEdition()).isNull();
        assertThat(iasiSummary.risks()).isZero();
        assertThat(queries.register(iasiPlan).orElseThrow().orgUnitName()).isEqualTo("IPJ Iași");

        assertThat(queries.registers(OrgScope.everything(), Set.of(), 1)).extracting(RegisterSummary::planId)
                .containsExactly(plan);
        assertThat(queries.registers(new OrgScope(false, Set.of(), Set.of(), Set.of(cluj)), Set.of(), 100))
                .extracting(RegisterSummary::planId).containsExactly(plan);
        assertThat(queries.registers(new OrgScope(false, Set.of("IS"), Set.of(), Set.of()), Set.of(), 100))
                .extracting(RegisterSummary::planId).containsExactly(iasiPlan);
        assertThat(queries.registers(OrgScope.everything(), Set.of(iasi), 100)).extracting(RegisterSummary::planId)
                .containsExactly(iasiPlan);
        // a structure outside the reach stays out even when named
        assertThat(queries.registers(new OrgScope(false, Set.of(), Set.of(), Set.of(cluj)), Set.of(iasi), 100)).isEmpty();
        assertThat(queries.registers(OrgScope.nothing(), Set.of(), 100)).isEmpty();
    }

    @Test
    void the_events_reach_the_handlers_through_axon_as_a_processor_delivers_them() {
        firstEdition();
        RegisterView direct = queries.register(plan).orElseThrow();
        MonitoringView directMonitoring = queries.monitoring(a1).orElseThrow();
        projection.reset();

        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (Stored e : firstEditionEvents()) {
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Event", e.aggregate().toString(),
                    e.seq(), e.payload(), MetaData.emptyInstance(), UUID.randomUUID().toString(), e.at());
            assertThat(adapter.canHandle(message)).as(e.payload().getClass().getSimpleName()).isTrue();
            try {
                adapter.handle(message);
            } catch (Exception failure) {
                throw new AssertionError(failure);
            }
        }
        assertThat(queries.register(plan).orElseThrow()).isEqualTo(direct);
        assertThat(queries.monitoring(a1).orElseThrow()).isEqualTo(directMonitoring);
    }

    @Test
    void a_rebuild_from_zero_gives_the_same_answers() {
        firstEdition();
        projection.on(generated(2, schedules()), 4, at.plusSeconds(4));
        today(LocalDate.of(2027, 7, 1));
        RegisterView before = queries.register(plan).orElseThrow();
        MonitoringView monitoringBefore = queries.monitoring(a1).orElseThrow();
        List<RegisterSummary> listBefore = queries.registers(OrgScope.everything(), Set.of(), 10);

        projection.reset();
        assertThat(queries.register(plan)).isEmpty();
        assertThat(queries.monitoring(a1)).isEmpty();
        firstEdition();
        projection.on(generated(2, schedules()), 4, at.plusSeconds(4));

        assertThat(queries.register(plan).orElseThrow()).isEqualTo(before);
        assertThat(queries.monitoring(a1).orElseThrow()).isEqualTo(monitoringBefore);
        assertThat(queries.registers(OrgScope.everything(), Set.of(), 10)).isEqualTo(listBefore);
        assertThat(new ArrayList<>(before.risks())).hasSize(2);
    }
}
