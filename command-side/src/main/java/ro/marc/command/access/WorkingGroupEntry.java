package ro.marc.command.access;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The aggregate's in-memory view of one working group: its org unit, members and leader. */
final class WorkingGroupEntry {

    final UUID id;
    final UUID orgUnitId;
    final String name;
    long version;
    final Set<UUID> members = new LinkedHashSet<>();
    /** The head or integrity counsellor leading the group; null until appointed or after the leader left. */
    UUID leaderId;

    WorkingGroupEntry(UUID id, UUID orgUnitId, String name, long version) {
        this.id = id;
        this.orgUnitId = orgUnitId;
        this.name = name;
        this.version = version;
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingGroupEntry that && id.equals(that.id) && orgUnitId.equals(that.orgUnitId)
                && name.equals(that.name) && version == that.version && members.equals(that.members)
                && Objects.equals(leaderId, that.leaderId);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
