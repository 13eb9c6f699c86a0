package ro.marc.events.org;

import java.util.UUID;

public record WorkUnitUnassigned(UUID orgUnitId, UUID workUnitId, long orgUnitVersion) {
}
