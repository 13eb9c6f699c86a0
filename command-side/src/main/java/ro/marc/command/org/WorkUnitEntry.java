package ro.marc.command.org;

import java.util.UUID;

/** The aggregate's in-memory view of one catalogue work unit. */
final class WorkUnitEntry {

    final UUID id;
    String name;
    boolean retired;
    long version;

    WorkUnitEntry(UUID id, String name, long version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WorkUnitEntry that && id.equals(that.id) && name.equals(that.name)
                && retired == that.retired && version == that.version;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
