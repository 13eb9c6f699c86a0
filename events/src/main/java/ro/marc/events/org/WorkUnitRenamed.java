package ro.marc.events.org;

import java.util.UUID;

public record WorkUnitRenamed(UUID workUnitId, String name, String previousName, long version) {
}
