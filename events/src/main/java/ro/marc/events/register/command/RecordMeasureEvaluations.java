package ro.marc.events.register.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.register.EvaluationSource;
import ro.marc.events.register.MeasureEvaluation;

import java.util.List;
import java.util.UUID;

/**
 * Records evaluations of the saved register's measures (A1001 workbook import, G04 risk owner): all of them or
 * none. Every evaluation must name a measure and indicator of the register's last saved edition under the right
 * risk, with a value of the indicator's kind; each bad one is reported by its row (or index) and field.
 */
public record RecordMeasureEvaluations(@TargetAggregateIdentifier UUID registerId, UUID planId, EvaluationSource source,
                                       List<MeasureEvaluation> evaluations) {

    public RecordMeasureEvaluations {
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }
}
