package ro.marc.events.nomenclature;

import java.util.UUID;

public record DocumentProposed(UUID documentId, UUID taskId, String name, Periodicity periodicity, String proposerUserId,
                               UUID proposerOrgUnitId, long version) {
}
