package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/**
 * An org unit (with its whole subtree) now hangs under {@code toParentId}. {@code level} is the
 * moved unit's new level; every descendant's level shifts by {@code level - previousLevel}.
 */
@EventName("org.OrgUnitMoved")
@Revision("2")
public record OrgUnitMoved(UUID orgUnitId, UUID fromParentId, UUID toParentId, int previousLevel, int level) {
}
