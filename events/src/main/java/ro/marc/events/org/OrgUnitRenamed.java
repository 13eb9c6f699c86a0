package ro.marc.events.org;

import java.util.UUID;

public record OrgUnitRenamed(UUID orgUnitId, String name, String previousName, long version) {
}
