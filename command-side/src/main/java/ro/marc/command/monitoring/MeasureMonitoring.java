package ro.marc.command.monitoring;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.AccountDirectory.AccountFact;
import ro.marc.command.assessment.FinalisedAssessments;
import ro.marc.command.assessment.FinalisedAssessments.FinalisedAssessment;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.common.Versions;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.PlanAssignments;
import ro.marc.command.register.MeasureSchedules;
import ro.marc.command.register.MeasureSchedules.ScheduledMeasure;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.monitoring.IndicatorValues;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.command.*;
import ro.marc.events.monitoring.event.*;
import ro.marc.events.register.MeasurePeriodicity;

import java.time.LocalDate;
import java.util.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The monitoring of one risk assessment's measures (§2.4, UCA 80, 82, N01), one stream per assessment
 * ({@link MonitoringIds}), created by its first command. It follows what the plan's last saved register schedules
 * ({@link MeasureSchedules}) for the assessment's last finalised edition ({@link FinalisedAssessments}): its member
 * marks measures done (irreversible, dated), enters indicator values per period, keeps an implemented additional
 * measure as existing, and finalises; MARC's reminder sweep appends the reminders and overdue flags, each once per
 * (measure, date) however often and on however many nodes it runs. Only the assessment's member acts (MARC itself,
 * "system", for seeding); an inactive assessment or a plan no longer active refuses the member's changes and
 * receives no reminders.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class MeasureMonitoring {

    private static final String WHAT = "Measure monitoring";
    /** N01: a reminder three days before each due date. */
    static final int REMIND_DAYS_BEFORE = 3;

    @AggregateIdentifier
    private String id;
    private UUID assessmentId;
    /** Measures done, with the day. */
    private Map<UUID, LocalDate> done = new LinkedHashMap<>();
    private Set<UUID> kept = new LinkedHashSet<>();
    /** The last values entered per measure and period: "measureId|periodDue" → indicator → value. */
    private Map<String, Map<UUID, String>> values = new LinkedHashMap<>();
    /** Reminders appended: "measureId|dueDate". */
    private Set<String> reminded = new LinkedHashSet<>();
    /** Overdue flags appended: "measureId|deadline". */
    private Set<String> flagged = new LinkedHashSet<>();
    private boolean finalised;

    protected MeasureMonitoring() {
        // for Axon
    }

    // ---------------------------------------------------------------- done

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(MarkMeasureDone command, @MetaDataValue("userId") String userId, FinalisedAssessments assessments,
                       MeasureSchedules schedules, ActivePlans plans, AccountDirectory accounts) {
        Monitored monitored = requireChangeable(command, userId, assessments, plans);
        Measure measure = monitored.measure(command.measureId());
        ScheduledMeasure schedule = requireScheduled(schedules, command.assessmentId(), command.measureId());
        if (done.containsKey(measure.measureId())) {
            throw new CommandRejected(Reason.CONFLICT, "measureId", "ALREADY_DONE", "The measure was marked done on "
                    + done.get(measure.measureId()) + ": that is for good", Map.of("doneOn", done.get(measure.measureId()).toString()));
        }
        LocalDate today = RomanianCalendar.today();
        Actor by = actor(userId, monitored.edition(), accounts);
        apply(new MeasureMarkedDone(command.monitoringId(), command.assessmentId(), monitored.edition().planId(),
                monitored.edition().orgUnitId(), measure.measureId(), today, schedule.deadline(),
                today.isAfter(schedule.deadline()), by.userId(), by.name()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- indicator values

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordIndicatorValues command, @MetaDataValue("userId") String userId,
                       FinalisedAssessments assessments, MeasureSchedules schedules, ActivePlans plans,
                       AccountDirectory accounts) {
        Monitored monitored = requireChangeable(command, userId, assessments, plans);
        Measure measure = monitored.measure(command.measureId());
        ScheduledMeasure schedule = requireScheduled(schedules, command.assessmentId(), command.measureId());
        if (command.periodDue() == null) {
            throw CommandRejected.invalid("periodDue", "REQUIRED", "The period (its due date) is required");
        }
        List<LocalDate> dueDates = schedule.dueDates();
        int period = dueDates.indexOf(command.periodDue());
        if (period < 0) {
            throw new CommandRejected(Reason.INVALID, "periodDue", "PERIOD_UNKNOWN", "The measure has no period due on "
                    + command.periodDue() + "; its periods are due on " + dueDates, Map.of("dueDates", dueDates.stream().map(LocalDate::toString).toList()));
        }
        // a period begins the day after the previous one is due; the first is open from the register's save, as
        // marking the measure done is: a measure may be implemented (and measured) before its stage formally starts
        LocalDate start = period > 0 ? dueDates.get(period - 1).plusDays(1) : null;
        LocalDate today = RomanianCalendar.today();
        if (start != null && today.isBefore(start)) {
            throw new CommandRejected(Reason.INVALID, "periodDue", "PERIOD_NOT_STARTED", "The period due on "
                    + command.periodDue() + " begins on " + start + ": values are entered once it has begun", Map.of("start", start.toString()));
        }
        if (command.values().isEmpty()) {
            throw CommandRejected.invalid("values", "REQUIRED", "At least one indicator value is required");
        }
        Map<UUID, Indicator> indicators = new LinkedHashMap<>();
        measure.indicators().forEach(i -> indicators.put(i.indicatorId(), i));
        Map<UUID, String> canonical = new LinkedHashMap<>();
        List<IndicatorValue> checked = new ArrayList<>();
        for (int i = 0; i < command.values().size(); i++) {
            IndicatorValue value = command.values().get(i);
            String field = "values[" + i + "]";
            Indicator indicator = value == null || value.indicatorId() == null ? null : indicators.get(value.indicatorId());
            if (indicator == null) {
                throw CommandRejected.invalid(field + ".indicatorId", "UNKNOWN_INDICATOR", "Not an indicator of the measure");
            }
            if (canonical.containsKey(indicator.indicatorId())) {
                throw CommandRejected.invalid(field + ".indicatorId", "DUPLICATE_INDICATOR",
                        "The indicator '" + indicator.name() + "' is given twice");
            }
            String accepted = IndicatorValues.check(indicator, value.value()).orElseThrow(() -> new CommandRejected(
                    Reason.INVALID, field + ".value", IndicatorValues.VALUE_NOT_OF_KIND, "The indicator '" + indicator.name()
                    + "' takes " + IndicatorValues.expected(indicator), Map.of("indicatorId", indicator.indicatorId().toString())));
            canonical.put(indicator.indicatorId(), accepted);
            checked.add(new IndicatorValue(indicator.indicatorId(), accepted));
        }
        if (canonical.equals(values.get(key(measure.measureId(), command.periodDue())))) {
            return Versions.current(); // the same values for the same period again
        }
        Actor by = actor(userId, monitored.edition(), accounts);
        apply(new IndicatorValuesRecorded(command.monitoringId(), command.assessmentId(), measure.measureId(),
                command.periodDue(), checked, today, by.userId(), by.name()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- kept as existing

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(KeepMeasureAsExisting command, @MetaDataValue("userId") String userId,
                       FinalisedAssessments assessments, ActivePlans plans) {
        Monitored monitored = requireChangeable(command, userId, assessments, plans);
        Measure measure = monitored.measure(command.measureId());
        if (measure.kind() != MeasureKind.ADDITIONAL) {
            throw CommandRejected.invalid("measureId", "NOT_ADDITIONAL", "Only an additional measure is kept as an existing one");
        }
        if (!done.containsKey(measure.measureId())) {
            throw new CommandRejected(Reason.CONFLICT, "measureId", "NOT_DONE",
                    "The measure is not done yet: only an implemented measure is kept as an existing one", Map.of());
        }
        if (kept.contains(measure.measureId())) {
            throw new CommandRejected(Reason.CONFLICT, "measureId", "ALREADY_KEPT",
                    "The measure is already kept as an existing one", Map.of());
        }
        AssessmentEdition edition = monitored.edition();
        apply(new MeasureKeptAsExisting(command.monitoringId(), command.assessmentId(), measure.measureId(),
                RomanianCalendar.today(), edition.planId(), edition.orgUnitId(), edition.workUnitId(), edition.riskId(), measure));
        return Versions.current();
    }

    // ---------------------------------------------------------------- finalisation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(FinaliseMonitoring command, @MetaDataValue("userId") String userId,
                       FinalisedAssessments assessments, MeasureSchedules schedules, ActivePlans plans) {
        Monitored monitored = require(command, userId, assessments, plans);
        if (finalised) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "ALREADY_FINALISED",
                    "The monitoring of this assessment is already finalised", Map.of());
        }
        Versions.require(WHAT, command.monitoringId(), command.expectedVersion());
        List<ScheduledMeasure> scheduled = schedules.forAssessment(command.assessmentId());
        if (scheduled.isEmpty()) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "NOT_SCHEDULED",
                    "The saved register schedules none of the assessment's measures yet", Map.of());
        }
        int late = 0;
        for (ScheduledMeasure schedule : scheduled) {
            if (!done.containsKey(schedule.measureId())) {
                throw new CommandRejected(Reason.INVALID, "measures", "MEASURE_NOT_DONE",
                        "Every measure is done before the monitoring is finalised", Map.of("measureId", schedule.measureId().toString()));
            }
            if (done.get(schedule.measureId()).isAfter(schedule.deadline())) {
                late++;
            }
            Measure measure = monitored.measureOrNull(schedule.measureId());
            for (Indicator indicator : measure == null ? List.<Indicator>of() : measure.indicators()) {
                boolean valued = values.entrySet().stream().anyMatch(e -> e.getKey().startsWith(schedule.measureId() + "|")
                        && e.getValue().containsKey(indicator.indicatorId()));
                if (!valued) {
                    throw new CommandRejected(Reason.INVALID, "measures", "INDICATOR_WITHOUT_VALUE",
                            "The indicator '" + indicator.name() + "' has no value yet", Map.of("measureId",
                            schedule.measureId().toString(), "indicatorId", indicator.indicatorId().toString()));
                }
            }
        }
        AssessmentEdition edition = monitored.edition();
        apply(new MonitoringFinalised(command.monitoringId(), command.assessmentId(), edition.planId(), edition.orgUnitId(),
                edition.memberUserId(), edition.memberName(), edition.riskId(), edition.riskName(), RomanianCalendar.today(),
                scheduled.size(), late));
        return Versions.current();
    }

    // ---------------------------------------------------------------- reminders (N01)

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RemindMeasureDeadlines command, @MetaDataValue("userId") String userId,
                       FinalisedAssessments assessments, MeasureSchedules schedules, ActivePlans plans) {
        if (!PlanAssignments.SYSTEM.equals(userId)) {
            throw CommandRejected.forbidden("monitoringId", "FORBIDDEN", command.monitoringId(),
                    "Only MARC's scheduler sends the reminders");
        }
        requireIds(command);
        Optional<FinalisedAssessment> assessment = assessments.finalised(command.assessmentId());
        if (assessment.isEmpty() || !assessment.get().active() || finalised) {
            return Versions.current();
        }
        AssessmentEdition edition = assessment.get().edition();
        if (plans.plan(edition.planId()).filter(ActivePlans.PlanFact::active).isEmpty()) {
            return Versions.current();
        }
        LocalDate today = RomanianCalendar.today();
        for (ScheduledMeasure schedule : schedules.forAssessment(command.assessmentId())) {
            if (done.containsKey(schedule.measureId())) {
                continue;
            }
            Measure measure = measureOf(edition, schedule.measureId());
            String description = measure == null ? "" : measure.description();
            for (LocalDate due : remindedDates(schedule.periodicity(), schedule.anchor(), schedule.deadline())) {
                if (!today.isBefore(due.minusDays(REMIND_DAYS_BEFORE)) && !today.isAfter(due)
                        && !reminded.contains(key(schedule.measureId(), due))) {
                    apply(new MeasureDueSoon(command.monitoringId(), command.assessmentId(), edition.planId(),
                            edition.orgUnitId(), edition.memberUserId(), schedule.measureId(), description,
                            edition.riskName(), due, schedule.deadline(), today));
                }
            }
            if (schedule.deadline().isBefore(today) && !flagged.contains(key(schedule.measureId(), schedule.deadline()))) {
                apply(new MeasureOverdue(command.monitoringId(), command.assessmentId(), edition.planId(),
                        edition.orgUnitId(), edition.memberUserId(), schedule.measureId(), description,
                        edition.riskName(), schedule.deadline(), today));
            }
        }
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    /**
     * The due dates a measure is reminded of, {@value #REMIND_DAYS_BEFORE} days before each (the sweep's lookup
     * follows the same dates): every period's, but a daily measure only its deadline — not a reminder a day.
     */
    static List<LocalDate> remindedDates(MeasurePeriodicity periodicity, LocalDate anchor, LocalDate deadline) {
        MeasurePeriodicity given = periodicity == null ? MeasurePeriodicity.ONCE : periodicity;
        return given == MeasurePeriodicity.DAILY ? List.of(deadline) : given.dueDates(anchor, deadline);
    }

    /** The assessment's last finalised edition, as the monitoring follows it. */
    private record Monitored(AssessmentEdition edition) {

        Measure measure(UUID measureId) {
            if (measureId == null) {
                throw CommandRejected.invalid("measureId", "REQUIRED", "A measure id is required");
            }
            Measure measure = measureOrNull(measureId);
            if (measure == null) {
                throw CommandRejected.invalid("measureId", "UNKNOWN_MEASURE",
                        "Not a measure of the assessment's finalised edition");
            }
            return measure;
        }

        Measure measureOrNull(UUID measureId) {
            return measureOf(edition, measureId);
        }
    }

    private static Measure measureOf(AssessmentEdition edition, UUID measureId) {
        return edition.measures().stream().filter(m -> m.measureId().equals(measureId)).findFirst().orElse(null);
    }

    private record Actor(UUID userId, String name) {
    }

    /** The caller; MARC itself acts for the member (seeding), who is then named. */
    private static Actor actor(String userId, AssessmentEdition edition, AccountDirectory accounts) {
        if (PlanAssignments.SYSTEM.equals(userId)) {
            return new Actor(edition.memberUserId(), edition.memberName());
        }
        UUID caller = UUID.fromString(userId);
        return new Actor(caller, accounts.account(caller).map(AccountFact::displayName).orElse(edition.memberName()));
    }

    private static void requireIds(MonitoringCommand command) {
        if (command.assessmentId() == null) {
            throw CommandRejected.invalid("assessmentId", "REQUIRED", "An assessment id is required");
        }
        if (!MonitoringIds.of(command.assessmentId()).equals(command.monitoringId())) {
            throw CommandRejected.invalid("monitoringId", "NOT_OF_ASSESSMENT",
                    "The monitoring id is not the assessment's (MonitoringIds.of(assessmentId))");
        }
    }

    /**
     * The assessment is finalised, active, its member's (or MARC's) and under its active plan. Its measures are
     * followed as its last finalised edition holds them.
     */
    private Monitored require(MonitoringCommand command, String userId, FinalisedAssessments assessments, ActivePlans plans) {
        requireIds(command);
        FinalisedAssessment assessment = assessments.finalised(command.assessmentId()).orElseThrow(() ->
                new CommandRejected(Reason.CONFLICT, "assessmentId", "NOT_FINALISED",
                        "The risk assessment has no finalised edition: its measures are monitored once it is finalised",
                        Map.of("id", command.assessmentId().toString())));
        AssessmentEdition edition = assessment.edition();
        PlanAssignments.requireMember(userId, edition.memberUserId(), "assessmentId", command.assessmentId(),
                "the monitoring of a risk assessment");
        if (!assessment.active()) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "INACTIVE",
                    "The risk assessment is inactive: reactivate it before monitoring its measures",
                    Map.of("id", command.assessmentId().toString()));
        }
        if (plans.plan(edition.planId()).filter(ActivePlans.PlanFact::active).isEmpty()) {
            throw new CommandRejected(Reason.CONFLICT, "planId", "PLAN_NOT_ACTIVE",
                    "The assessment's plan '" + edition.planPurpose() + "' is no longer active",
                    Map.of("id", edition.planId().toString()));
        }
        return new Monitored(edition);
    }

    /** As {@link #require}, and the monitoring not finalised (every change refused after it). */
    private Monitored requireChangeable(MonitoringCommand command, String userId, FinalisedAssessments assessments,
                                        ActivePlans plans) {
        Monitored monitored = require(command, userId, assessments, plans);
        if (finalised) {
            throw new CommandRejected(Reason.CONFLICT, "assessmentId", "MONITORING_FINALISED",
                    "The monitoring of this assessment is finalised: nothing changes after it", Map.of());
        }
        return monitored;
    }

    private static ScheduledMeasure requireScheduled(MeasureSchedules schedules, UUID assessmentId, UUID measureId) {
        return schedules.schedule(assessmentId, measureId).orElseThrow(() -> new CommandRejected(
                Reason.CONFLICT, "measureId", "NOT_SCHEDULED",
                "The saved register does not schedule this measure yet: it is monitored once it has a deadline", Map.of()));
    }

    private static String key(UUID measureId, LocalDate date) {
        return measureId + "|" + date;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(MeasureMarkedDone event) {
        started(event.monitoringId(), event.assessmentId());
        done.put(event.measureId(), event.doneOn());
    }

    @EventSourcingHandler
    void on(IndicatorValuesRecorded event) {
        started(event.monitoringId(), event.assessmentId());
        Map<UUID, String> byIndicator = new LinkedHashMap<>();
        event.values().forEach(v -> byIndicator.put(v.indicatorId(), v.value()));
        values.put(key(event.measureId(), event.periodDue()), byIndicator);
    }

    @EventSourcingHandler
    void on(MeasureKeptAsExisting event) {
        started(event.monitoringId(), event.assessmentId());
        kept.add(event.measureId());
    }

    @EventSourcingHandler
    void on(MonitoringFinalised event) {
        started(event.monitoringId(), event.assessmentId());
        finalised = true;
    }

    @EventSourcingHandler
    void on(MeasureDueSoon event) {
        started(event.monitoringId(), event.assessmentId());
        reminded.add(key(event.measureId(), event.dueDate()));
    }

    @EventSourcingHandler
    void on(MeasureOverdue event) {
        started(event.monitoringId(), event.assessmentId());
        flagged.add(key(event.measureId(), event.deadline()));
    }

    private void started(UUID monitoringId, UUID assessment) {
        id = monitoringId.toString();
        assessmentId = assessment;
    }
}
