package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.incident.CategoryRecord;

import java.util.List;
import java.util.UUID;

/** Replaces a risk link's content, with the rules of {@link LinkIncidentRisk}. */
public record ReviseIncidentRiskLink(@TargetAggregateIdentifier UUID incidentId, long expectedVersion, UUID linkId,
                                     UUID orgUnitId, UUID workUnitId, UUID activityId, UUID riskId,
                                     List<CategoryRecord> categories) implements IntegrityIncidentCommand {
}
