package ro.marc.events.org;

import java.util.UUID;

public record OrgUnitReactivated(UUID orgUnitId, long version) {
}
