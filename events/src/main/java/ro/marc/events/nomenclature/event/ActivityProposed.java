package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

@EventName("nomenclature.ActivityProposed")
public record ActivityProposed(UUID activityId, String name, String description, UUID domainId, List<UUID> workUnitIds,
                               List<Attachment> attachments, String proposerUserId, UUID proposerOrgUnitId, long version) {
}
