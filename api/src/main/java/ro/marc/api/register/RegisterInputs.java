package ro.marc.api.register;

import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.events.monitoring.IndicatorValue;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * The register's and the monitoring's GraphQL inputs (register.graphqls) and their translation into the commands'
 * values. Only what a command cannot be given is refused here, naming its place (a malformed id
 * {@code schedules[2].measureId}, a date that is not yyyy-MM-dd {@code schedules[0].deadline}, a missing list element);
 * the rules (deadlines within the plan, periodicity of one-off measures, values of the indicator's kind, …) are the
 * commands', which name the same fields.
 */
public final class RegisterInputs {

    public record GenerateInput(String planId) {
    }

    public record SaveInput(String planId, String registrationNumber, String approverName, List<ScheduleInput> schedules,
                            long expectedVersion) {
    }

    public record ScheduleInput(String assessmentId, String measureId, String deadline, MeasurePeriodicity periodicity) {
    }

    public record EvaluateInput(String planId, List<EvaluationInput> evaluations) {
    }

    public record EvaluationInput(String assessmentId, String measureId, String indicatorId, String value) {
    }

    public record MeasureActionInput(String assessmentId, String measureId) {
    }

    public record RecordValuesInput(String assessmentId, String measureId, String periodDue, List<ValueInput> values) {
    }

    public record ValueInput(String indicatorId, String value) {
    }

    public record MonitoringVersionInput(String assessmentId, long expectedVersion) {
    }

    private RegisterInputs() {
    }

    /** Absent periodicity is ONCE (the schema's rule), so the event always carries one. */
    static List<MeasureSchedule> schedules(List<ScheduleInput> input) {
        if (input == null) {
            return List.of();
        }
        List<MeasureSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ScheduleInput s = input.get(i);
            String at = "schedules[" + i + "]";
            if (s == null) {
                throw new InvalidInput(at, "REQUIRED", "A schedule is required");
            }
            schedules.add(new MeasureSchedule(requiredId(at + ".assessmentId", s.assessmentId()),
                    requiredId(at + ".measureId", s.measureId()), requiredDate(at + ".deadline", s.deadline()),
                    s.periodicity() == null ? MeasurePeriodicity.ONCE : s.periodicity()));
        }
        return schedules;
    }

    /** G04: the person is the caller and the risk is the register's to fill in (the command does both). */
    static List<MeasureEvaluation> evaluations(List<EvaluationInput> input) {
        if (input == null) {
            return List.of();
        }
        List<MeasureEvaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            EvaluationInput e = input.get(i);
            String at = "evaluations[" + i + "]";
            if (e == null) {
                throw new InvalidInput(at, "REQUIRED", "An evaluation is required");
            }
            evaluations.add(new MeasureEvaluation(null, requiredId(at + ".assessmentId", e.assessmentId()),
                    requiredId(at + ".measureId", e.measureId()), requiredId(at + ".indicatorId", e.indicatorId()),
                    e.value(), null, null));
        }
        return evaluations;
    }

    static List<IndicatorValue> values(List<ValueInput> input) {
        if (input == null) {
            return List.of();
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ValueInput v = input.get(i);
            String at = "values[" + i + "]";
            if (v == null) {
                throw new InvalidInput(at, "REQUIRED", "A value is required");
            }
            values.add(new IndicatorValue(requiredId(at + ".indicatorId", v.indicatorId()), v.value()));
        }
        return values;
    }

    /** A day yyyy-MM-dd: blank is REQUIRED, anything else not a date the existing INVALID_INSTANT, naming {@code field}. */
    static LocalDate requiredDate(String field, String value) {
        LocalDate date = Inputs.date(field, value);
        if (date == null) {
            throw new InvalidInput(field, "REQUIRED", "'" + field + "' is required (yyyy-MM-dd)");
        }
        return date;
    }

    static UUID requiredId(String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, "REQUIRED", "'" + field + "' is required");
        }
        return id(field, value);
    }
}
