package ro.marc.query.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member; {@code workUnitIds} are assigned by the plan (Anexa 1) and empty until then. */
public record WorkingGroupMemberView(UUID userId, Instant since, List<UUID> workUnitIds) {
}
