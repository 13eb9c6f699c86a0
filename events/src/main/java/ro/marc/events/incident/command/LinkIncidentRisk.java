package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.incident.CategoryRecord;

import java.util.List;
import java.util.UUID;

/**
 * Links the incident to the risk that materialised (UCA 51). Only an existing association of the nomenclature:
 * the org unit holds the work unit, the approved activity belongs to the work unit, the approved risk to the
 * activity. {@code orgUnitId} null: the incident's structure. Refused on an acquittal, on an archived
 * incident, and for a risk the incident is already linked to.
 */
public record LinkIncidentRisk(@TargetAggregateIdentifier UUID incidentId, long expectedVersion, UUID linkId,
                               UUID orgUnitId, UUID workUnitId, UUID activityId, UUID riskId,
                               List<CategoryRecord> categories) implements IntegrityIncidentCommand {
}
