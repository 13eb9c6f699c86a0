package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.org.*;

import java.util.UUID;

/**
 * An org unit was created. {@code parentId} is null only for the root; {@code level} is derived
 * from the parent (root 0, ministry 1, central structures 2, deeper structures n); {@code county}
 * is set for county structures and inherited by everything below them.
 */
@EventName("org.OrgUnitCreated")
@Revision("2")
public record OrgUnitCreated(UUID orgUnitId, UUID parentId, String name, int level, County county) {
}
