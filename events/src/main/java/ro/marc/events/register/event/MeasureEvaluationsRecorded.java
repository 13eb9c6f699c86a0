package ro.marc.events.register.event;

import ro.marc.events.EventName;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureEvaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Evaluations of the register's measures were recorded (A1001, G04), all checked; the register shows them merged
 * per risk, measure and indicator, each with its value and person.
 *
 * @param edition the register edition they were checked against
 */
@EventName("register.MeasureEvaluationsRecorded")
public record MeasureEvaluationsRecorded(UUID registerId, UUID planId, UUID orgUnitId, int edition, EvaluationSource source,
                                         UUID recordedBy, String recordedByName, LocalDate recordedOn,
                                         List<MeasureEvaluation> evaluations) {

    public MeasureEvaluationsRecorded {
        evaluations = List.copyOf(evaluations);
    }
}
