package ro.marc.query.register;

import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MissingAssessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the register read model answers (register.graphqls): the register (Anexa 10) with its risks merged (A402),
 * each measure's schedule, monitoring state (done, overdue on the day asked, kept as existing), the members' values
 * per period and the risk owners' evaluations (A1001, G04); the registers' list; one assessment's monitoring.
 */
public final class RegisterViews {

    private RegisterViews() {
    }

    /**
     * @param version         the register aggregate's version (sequence + 1)
     * @param content         DRAFT while a generated draft is not saved: risks, missing and schedules are then the draft's
     * @param measureCount    the measures of {@code risks}
     * @param overdueMeasures measures of {@code risks} whose deadline passed and which are not done
     */
    public record RegisterView(UUID registerId, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName,
                               County county, long version, RegisterContent content, Integer draftEdition,
                               LocalDate generatedOn, Integer savedEdition, LocalDate savedOn, String savedByName,
                               String registrationNumber, String approverName, LocalDate measuresStageStart,
                               LocalDate planLastDay, List<RiskView> risks, List<MissingAssessment> missing,
                               List<String> members, int measureCount, int overdueMeasures) {
    }

    /** One risk, its assessments merged; {@code highest}: the evaluation of the highest exposure. */
    public record RiskView(UUID riskId, String riskName, UUID activityId, String activityName, String domainName,
                           UUID highestAssessmentId, RiskEvaluation highest, List<AssessmentLine> assessments,
                           List<MeasureView> measures) {
    }

    public record AssessmentLine(UUID assessmentId, int edition, UUID memberUserId, String memberName, UUID workUnitId,
                                 String workUnitName, RiskEvaluation evaluation) {
    }

    /** A measure with its schedule (null deadline before the head sets one) and its monitoring. */
    public record MeasureView(UUID assessmentId, UUID measureId, MeasureKind kind, String description, String responsible,
                              EffectivenessLevel effectiveness, boolean oneOff, LocalDate deadline,
                              MeasurePeriodicity periodicity, List<LocalDate> dueDates, boolean done, LocalDate doneOn,
                              String doneByName, boolean overdue, boolean keptAsExisting, List<IndicatorView> indicators) {
    }

    public record IndicatorView(UUID indicatorId, String name, IndicatorKind kind, List<String> allowedValues,
                                List<PeriodValue> values, List<EvaluationEntry> evaluations) {
    }

    /** A member's value of an indicator for one period (§2.4): the last entered for that period. */
    public record PeriodValue(LocalDate periodDue, String value, String byName, LocalDate recordedOn) {
    }

    /** A risk owner's evaluation (A1001, G04), in the order recorded. */
    public record EvaluationEntry(String value, String personName, EvaluationSource source, LocalDate recordedOn) {
    }

    public record RegisterSummary(UUID registerId, UUID planId, UUID orgUnitId, String orgUnitName, County county,
                                  RegisterContent content, Integer savedEdition, LocalDate savedOn,
                                  String registrationNumber, int risks, int measures, int overdueMeasures) {
    }

    /**
     * One assessment's measures as the last saved register schedules them, with their monitoring.
     *
     * @param version the monitoring aggregate's version; 0 before anything was recorded
     */
    public record MonitoringView(UUID assessmentId, UUID planId, long version, Integer registerEdition,
                                 LocalDate finalisedOn, List<MeasureView> measures) {
    }
}
