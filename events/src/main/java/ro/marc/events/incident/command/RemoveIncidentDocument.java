package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes one document of the incident (I01: that one only). */
public record RemoveIncidentDocument(@TargetAggregateIdentifier UUID incidentId, long expectedVersion, UUID documentId)
        implements IntegrityIncidentCommand {
}
