package ro.marc.events.monitoring.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.monitoring.IndicatorValue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Enters indicator values of a measure for one period (§2.4, UCA 80): {@code periodDue} is one of the measure's due
 * dates (a one-off measure: its deadline). Values of the measure's own indicators, each of its kind; entering a
 * period again replaces its values (the history keeps both).
 */
public record RecordIndicatorValues(@TargetAggregateIdentifier UUID monitoringId, UUID assessmentId, UUID measureId,
                                    LocalDate periodDue, List<IndicatorValue> values) implements MonitoringCommand {

    public RecordIndicatorValues {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
