package ro.marc.events.nomenclature;

import java.util.UUID;

public record TaskProposed(UUID taskId, UUID activityId, String name, String proposerUserId, UUID proposerOrgUnitId,
                           long version) {
}
