package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Archives the incident (UCA 45, central administrators). */
public record ArchiveIntegrityIncident(@TargetAggregateIdentifier UUID incidentId, long expectedVersion)
        implements IntegrityIncidentCommand {
}
