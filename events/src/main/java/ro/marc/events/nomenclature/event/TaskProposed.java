package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("nomenclature.TaskProposed")
@Revision("2")
public record TaskProposed(UUID taskId, UUID activityId, String name, String proposerUserId, UUID proposerOrgUnitId) {
}
