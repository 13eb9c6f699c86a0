package ro.marc.command.nomenclature;

import ro.marc.events.nomenclature.RegulatoryCauseDetails;

import java.util.UUID;

/** The aggregate's in-memory view of one regulatory cause: its details as they stand, active or not. */
final class RegulatoryCauseEntry {

    final UUID id;
    RegulatoryCauseDetails details;
    boolean active = true;
    long version;

    RegulatoryCauseEntry(UUID id, RegulatoryCauseDetails details, long version) {
        this.id = id;
        this.details = details;
        this.version = version;
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegulatoryCauseEntry that && id.equals(that.id) && details.equals(that.details)
                && active == that.active && version == that.version;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
