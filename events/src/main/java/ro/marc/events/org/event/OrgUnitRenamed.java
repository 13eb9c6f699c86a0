package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.OrgUnitRenamed")
@Revision("2")
public record OrgUnitRenamed(UUID orgUnitId, String name, String previousName) {
}
