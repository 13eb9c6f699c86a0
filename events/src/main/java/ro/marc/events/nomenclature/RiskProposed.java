package ro.marc.events.nomenclature;

import java.util.UUID;

public record RiskProposed(UUID riskId, UUID activityId, String name, String description, String proposerUserId,
                           UUID proposerOrgUnitId, long version) {
}
