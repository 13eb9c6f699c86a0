package ro.marc.query.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A working group of an org unit, its leader (head or counsellor; may be null) and members. */
public record WorkingGroupView(UUID id, UUID orgUnitId, String name, UUID leaderId, long version,
                               List<WorkingGroupMemberView> members, Instant createdAt, Instant updatedAt) {
}
