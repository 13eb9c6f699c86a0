package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/**
 * An org unit (with its whole subtree) now hangs under {@code toParentId}. {@code level} is the
 * moved unit's new level; every descendant's level shifts by {@code level - previousLevel}.
 */
@EventName("org.OrgUnitMoved")
public record OrgUnitMoved(UUID orgUnitId, UUID fromParentId, UUID toParentId, int previousLevel, int level,
                           long version) {
}
