package ro.marc.events.monitoring.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** UCA 82: the member finalises the monitoring of the assessment's measures and the head / counsellor are notified. */
public record FinaliseMonitoring(@TargetAggregateIdentifier UUID monitoringId, UUID assessmentId, long expectedVersion)
        implements MonitoringCommand {
}
