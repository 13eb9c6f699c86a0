package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.DocumentProposed")
@Revision("2")
public record DocumentProposed(UUID documentId, UUID taskId, String name, Periodicity periodicity, String proposerUserId,
                               UUID proposerOrgUnitId) {
}
