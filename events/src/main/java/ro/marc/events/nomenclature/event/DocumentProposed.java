package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.DocumentProposed")
public record DocumentProposed(UUID documentId, UUID taskId, String name, Periodicity periodicity, String proposerUserId,
                               UUID proposerOrgUnitId, long version) {
}
