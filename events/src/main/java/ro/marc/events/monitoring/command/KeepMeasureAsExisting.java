package ro.marc.events.monitoring.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** UCA 80: an additional measure marked done is kept as an existing measure for the next period. */
public record KeepMeasureAsExisting(@TargetAggregateIdentifier UUID monitoringId, UUID assessmentId, UUID measureId)
        implements MonitoringCommand {
}
