package ro.marc.events.org;

import java.util.UUID;

public record OrgUnitDeactivated(UUID orgUnitId, long version) {
}
