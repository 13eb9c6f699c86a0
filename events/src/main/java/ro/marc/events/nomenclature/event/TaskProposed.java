package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.TaskProposed")
public record TaskProposed(UUID taskId, UUID activityId, String name, String proposerUserId, UUID proposerOrgUnitId,
                           long version) {
}
