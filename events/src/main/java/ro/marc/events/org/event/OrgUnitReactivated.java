package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.OrgUnitReactivated")
@Revision("2")
public record OrgUnitReactivated(UUID orgUnitId) {
}
