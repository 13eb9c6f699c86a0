package ro.marc.query.org;

import java.time.Instant;
import java.util.UUID;

/** One org unit as the read model holds it. {@code path} lists the ids from the root to this unit. */
public record OrgUnitView(UUID id, UUID parentId, String name, int level, String county, boolean active,
                          String path, long version, Instant createdAt, Instant updatedAt) {
}
