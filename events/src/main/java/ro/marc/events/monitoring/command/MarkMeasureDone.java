package ro.marc.events.monitoring.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Marks a measure of the assessment implemented (§2.4 "Finalizat"): irreversible and dated, refused a second time
 * ({@code CONFLICT ALREADY_DONE}) and before the register gives the measure a deadline.
 */
public record MarkMeasureDone(@TargetAggregateIdentifier UUID monitoringId, UUID assessmentId, UUID measureId)
        implements MonitoringCommand {
}
