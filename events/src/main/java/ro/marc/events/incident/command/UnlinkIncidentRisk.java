package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes one risk link (kept in history). */
public record UnlinkIncidentRisk(@TargetAggregateIdentifier UUID incidentId, long expectedVersion, UUID linkId)
        implements IntegrityIncidentCommand {
}
