package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.RiskProposed")
public record RiskProposed(UUID riskId, UUID activityId, String name, String description, String proposerUserId,
                           UUID proposerOrgUnitId, long version) {
}
