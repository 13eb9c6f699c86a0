package ro.marc.events.access;

import java.util.UUID;

public record WorkingGroupDefined(UUID workingGroupId, UUID orgUnitId, String name, long version) {
}
