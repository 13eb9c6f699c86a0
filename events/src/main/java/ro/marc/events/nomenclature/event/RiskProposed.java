package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.RiskProposed")
@Revision("2")
public record RiskProposed(UUID riskId, UUID activityId, String name, String description, String proposerUserId,
                           UUID proposerOrgUnitId) {
}
