package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Measure;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.command.MarkMeasureDone;
import ro.marc.events.monitoring.command.RecordIndicatorValues;
import ro.marc.events.monitoring.event.IndicatorValuesRecorded;
import ro.marc.events.monitoring.event.MeasureMarkedDone;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.RegisterRisk;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.RecordMeasureEvaluations;
import ro.marc.events.register.command.SaveRiskRegister;
import ro.marc.events.register.event.MeasureEvaluationsRecorded;
import ro.marc.events.register.event.RiskRegisterGenerated;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ro.marc.api.local.DemoRiskAssessments.HIGH;
import static ro.marc.api.local.DemoRiskAssessments.MINOR;
import static ro.marc.api.local.DemoRiskAssessments.MODERATE;
import static ro.marc.api.local.DemoRiskAssessments.id;

/**
 * Demo data: IPJ Cluj's risk register (Anexa 10, issue 14) from the three demo assessments finalised under its plan
 * ({@link DemoRiskAssessments}; the two on the same risk merged, A402), then its monitoring:
 * <ul>
 *   <li>head.cluj generates the register and saves it with a deadline and periodicity for every measure, the
 *       registration number {@value #REGISTRATION_NUMBER} and the approver {@value #APPROVER} (P01): its PDF is
 *       stored and the members notified;</li>
 *   <li>measures done: member.cluj's annual training ({@link #TRAINING}) and counsellor.cluj's GPS check
 *       ({@link #GPS_CHECK});</li>
 *   <li>{@link #OVERDUE}: the counsellor's posters, left not done, with the earliest deadline the plan allows (the
 *       measures stage's first day). The demo plan's measures stage starts on 01.04.2027 and a deadline may not
 *       lie before it, so no deadline can be in the past before that day: the measure is overdue from the day after
 *       (and reminded three days before) — the honest closest to "an overdue measure" under the demo plan's dates;</li>
 *   <li>indicator values by member.cluj for the first period of the body-cam checks and of the (done) training: the
 *       first period of a measure takes values from the register's save;</li>
 *   <li>an imported measure-evaluation workbook (A1001): {@link RecordMeasureEvaluations} with source WORKBOOK, as
 *       the import sends it, rows by "Ionuț Popescu" and "Vasile Alexandru" (the spec's example: 4 Ionuț Popescu,
 *       10 Vasile Alexandru), and one evaluation by the risk owner owner.cluj entered directly (G04).</li>
 * </ul>
 *
 * <p>A step of {@link ro.marc.api.startup.StartupSequence}, after the demo assessments. Each entity's steps follow
 * {@link DemoSteps}: a step is skipped when the entity's history shows it done, so the register is seeded once
 * across nodes and restarts.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoRiskRegister {

    private static final Logger log = LoggerFactory.getLogger(DemoRiskRegister.class);

    static final UUID PLAN = DemoRiskAssessments.PLAN;
    public static final UUID REGISTER = RegisterIds.of(PLAN);
    public static final String REGISTRATION_NUMBER = "4187/12.2026";
    public static final String APPROVER = "Comisar-șef de poliție Vasile Mureșan";

    static final String HEAD = "head.cluj";
    static final String OWNER = "owner.cluj";

    /** member.cluj's annual training on the consequences of corruption (HIGH, one-off): done. */
    public static final UUID TRAINING = measure(HIGH, "instruire");
    /** member.cluj's monthly body-cam checks (HIGH): values for its first month once it has begun. */
    public static final UUID BODY_CAM = measure(HIGH, "body-cam");
    /** counsellor.cluj's monthly GPS check (MINOR, one-off): done. */
    public static final UUID GPS_CHECK = measure(MINOR, "gps");
    /** counsellor.cluj's posters in the patrol cars (MODERATE, one-off): not done, the earliest deadline: overdue. */
    public static final UUID OVERDUE = measure(MODERATE, "afișare");

    /** The workbook's persons (A1001). */
    public static final List<String> WORKBOOK_PERSONS = List.of("Ionuț Popescu", "Vasile Alexandru");

    private final EventStore eventStore;
    private final CommandSender commands;
    private final ActivePlans plans;

    public DemoRiskRegister(EventStore eventStore, CommandSender commands, ActivePlans plans) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.plans = plans;
    }

    static UUID measure(UUID assessment, String key) {
        return id(assessment + "/measure/" + key);
    }

    static UUID indicator(UUID assessment, String key, String kind) {
        return id(assessment + "/indicator/" + key + "/" + kind);
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        ActivePlans.PlanFact plan = plans.plan(PLAN).orElse(null);
        if (plan == null || plans.activePlanOf(plan.orgUnitId()).filter(p -> p.planId().equals(PLAN)).isEmpty()
                || DemoRiskAssessments.FINALISED.stream().anyMatch(a -> DemoAccess.history(eventStore, a).stream()
                .noneMatch(ro.marc.events.assessment.event.RiskAssessmentFinalised.class::isInstance))) {
            log.warn("Demo risk register skipped: IPJ Cluj's demo plan {} is not active or its demo assessments are not finalised", PLAN);
            return;
        }
        UUID head = DemoAccess.userId(HEAD);
        UUID member = DemoAccess.userId(DemoRiskAssessments.MEMBER);
        UUID counsellor = DemoAccess.userId(DemoRiskAssessments.COUNSELLOR);
        List<DemoSteps.Step> register = List.of(
                new DemoSteps.Step(head, events -> has(events, RiskRegisterGenerated.class),
                        version -> new GenerateRiskRegister(REGISTER, PLAN)),
                new DemoSteps.Step(head, events -> has(events, RiskRegisterSaved.class),
                        version -> new SaveRiskRegister(REGISTER, PLAN, REGISTRATION_NUMBER, APPROVER,
                                schedules(draft(), plan), version)),
                new DemoSteps.Step(head, events -> evaluations(events, EvaluationSource.WORKBOOK),
                        version -> new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.WORKBOOK, workbook())),
                new DemoSteps.Step(DemoAccess.userId(OWNER), events -> evaluations(events, EvaluationSource.RISK_OWNER),
                        version -> new RecordMeasureEvaluations(REGISTER, PLAN, EvaluationSource.RISK_OWNER, List.of(
                                new MeasureEvaluation(null, null, measure(MODERATE, "informare"),
                                        indicator(MODERATE, "informare", "qualitative"), "Bine", null, null)))));
        int sent = DemoSteps.run(eventStore, commands, REGISTER, register);

        // monitoring, on behalf of each assessment's member
        sent += DemoSteps.run(eventStore, commands, MonitoringIds.of(HIGH), monitoring(member, HIGH, plan));
        sent += DemoSteps.run(eventStore, commands, MonitoringIds.of(MINOR), List.of(done(counsellor, MINOR, GPS_CHECK)));
        if (sent > 0) {
            log.info("Demo risk register seeded: {} commands (IPJ Cluj's register saved as nr. {}, measures done, a workbook imported)",
                    sent, REGISTRATION_NUMBER);
        }
    }

    private List<DemoSteps.Step> monitoring(UUID member, UUID assessment, ActivePlans.PlanFact plan) {
        List<DemoSteps.Step> steps = new ArrayList<>();
        steps.add(done(member, assessment, TRAINING));
        // the first period of a measure takes values from the register's save (later ones once they begin)
        LocalDate firstMonth = MeasurePeriodicity.MONTHLY.dueDates(plan.measuresStageStart(), plan.lastDay()).getFirst();
        steps.add(values(member, assessment, BODY_CAM, firstMonth, Map.of(indicator(HIGH, "body-cam", "numeric"), "24")));
        steps.add(values(member, assessment, TRAINING, deadline(TRAINING, plan), Map.of(indicator(HIGH, "instruire", "done"), "1")));
        return steps;
    }

    private static DemoSteps.Step done(UUID user, UUID assessment, UUID measureId) {
        return new DemoSteps.Step(user, events -> events.stream()
                .anyMatch(e -> e instanceof MeasureMarkedDone d && d.measureId().equals(measureId)),
                version -> new MarkMeasureDone(MonitoringIds.of(assessment), assessment, measureId));
    }

    private static DemoSteps.Step values(UUID user, UUID assessment, UUID measureId, LocalDate periodDue,
                                         Map<UUID, String> values) {
        return new DemoSteps.Step(user, events -> events.stream().anyMatch(e -> e instanceof IndicatorValuesRecorded r
                && r.measureId().equals(measureId) && r.periodDue().equals(periodDue)),
                version -> new RecordIndicatorValues(MonitoringIds.of(assessment), assessment, measureId, periodDue,
                        values.entrySet().stream().map(v -> new IndicatorValue(v.getKey(), v.getValue())).toList()));
    }

    /** The register's last generated draft (the save step runs after the generate step). */
    private RiskRegisterGenerated draft() {
        return DemoAccess.history(eventStore, REGISTER).stream().filter(RiskRegisterGenerated.class::isInstance)
                .map(RiskRegisterGenerated.class::cast).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("the demo register was not generated"));
    }

    /**
     * A schedule for every measure of the draft: one-off measures (every indicator done / not done) once, by their
     * own deadline; the others monthly or quarterly to the plan's last day; {@link #OVERDUE} by the earliest
     * deadline allowed.
     */
    static List<MeasureSchedule> schedules(RiskRegisterGenerated draft, ActivePlans.PlanFact plan) {
        List<MeasureSchedule> schedules = new ArrayList<>();
        for (RegisterRisk risk : draft.risks()) {
            for (int i = 0; i < risk.assessments().size(); i++) {
                AssessmentEdition assessment = risk.assessments().get(i);
                UUID assessmentId = risk.assessmentIds().get(i);
                for (Measure m : assessment.measures()) {
                    MeasurePeriodicity periodicity = MeasurePeriodicity.oneOff(m) ? MeasurePeriodicity.ONCE
                            : m.measureId().equals(measure(HIGH, "rotire")) ? MeasurePeriodicity.QUARTERLY
                            : MeasurePeriodicity.MONTHLY;
                    schedules.add(new MeasureSchedule(assessmentId, m.measureId(), deadline(m.measureId(), plan), periodicity));
                }
            }
        }
        return schedules;
    }

    /** Each measure's deadline within the plan's measures stage and last day. */
    static LocalDate deadline(UUID measureId, ActivePlans.PlanFact plan) {
        LocalDate start = plan.measuresStageStart();
        if (measureId.equals(OVERDUE)) {
            return start;
        }
        if (measureId.equals(TRAINING) || measureId.equals(GPS_CHECK)) {
            return start.plusMonths(3).minusDays(1); // within the first quarter of the stage
        }
        return plan.lastDay();
    }

    /** The A1001 workbook's rows as the import sends them: risk and measure named, the person per row. */
    private static List<MeasureEvaluation> workbook() {
        UUID risk = DemoNomenclature.riskId(DemoIncidents.CONTRAVENTII, DemoIncidents.MITA_CONTRAVENTII);
        UUID fuel = DemoNomenclature.riskId(DemoIncidents.CARBURANT, DemoIncidents.BONURI);
        return List.of(
                new MeasureEvaluation(risk, null, BODY_CAM, indicator(HIGH, "body-cam", "numeric"), "4", "Ionuț Popescu", 2),
                new MeasureEvaluation(risk, null, BODY_CAM, indicator(HIGH, "body-cam", "numeric"), "10", "Vasile Alexandru", 3),
                new MeasureEvaluation(risk, null, measure(HIGH, "rotire"), indicator(HIGH, "rotire", "qualitative"), "Bine",
                        "Ionuț Popescu", 4),
                new MeasureEvaluation(fuel, null, measure(MINOR, "registru"), indicator(MINOR, "registru", "numeric"), "0",
                        "Vasile Alexandru", 5));
    }

    private static boolean has(List<Object> events, Class<?> type) {
        return events.stream().anyMatch(type::isInstance);
    }

    private static boolean evaluations(List<Object> events, EvaluationSource source) {
        return events.stream().anyMatch(e -> e instanceof MeasureEvaluationsRecorded r && r.source() == source);
    }
}
