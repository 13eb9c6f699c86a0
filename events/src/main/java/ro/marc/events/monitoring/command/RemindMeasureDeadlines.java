package ro.marc.events.monitoring.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Sent by MARC's scheduler (never by a user): appends the reminders now due (three days before each due date of a
 * measure not done) and the overdue flags (a deadline passed, the measure not done), each once per measure and date.
 */
public record RemindMeasureDeadlines(@TargetAggregateIdentifier UUID monitoringId, UUID assessmentId)
        implements MonitoringCommand {
}
