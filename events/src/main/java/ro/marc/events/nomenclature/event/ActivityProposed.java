package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

@EventName("nomenclature.ActivityProposed")
@Revision("2")
public record ActivityProposed(UUID activityId, String name, String description, UUID domainId, List<UUID> workUnitIds,
                               List<Attachment> attachments, String proposerUserId, UUID proposerOrgUnitId) {
}
