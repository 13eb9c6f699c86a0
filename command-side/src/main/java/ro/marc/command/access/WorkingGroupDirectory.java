package ro.marc.command.access;

import java.util.Optional;
import java.util.UUID;

/**
 * What the working-group handlers may ask about other working groups: a named query over the command
 * side's {@code working_group_lookup} ({@link WorkingGroupLookup}), written in the transaction of every
 * {@code WorkingGroupDefined},
 * {@code WorkingGroupMemberAdded} and {@code WorkingGroupMemberRemoved}. Its unique org unit makes "one working group per org unit" race-safe.
 */
public interface WorkingGroupDirectory {

    /** The working group of the org unit, or empty when it has none. */
    Optional<WorkingGroupFact> workingGroupOf(UUID orgUnitId);

    /** Whether the account is a member of the org unit's working group (false when the org unit has none). */
    boolean isMember(UUID orgUnitId, UUID userId);

    record WorkingGroupFact(UUID workingGroupId, UUID orgUnitId, String name) {
    }
}
