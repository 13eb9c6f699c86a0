package ro.marc.query.org;

import java.time.Instant;
import java.util.UUID;

public record WorkUnitView(UUID id, String name, boolean retired, long version, Instant createdAt, Instant updatedAt) {
}
