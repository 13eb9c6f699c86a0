package ro.marc.command.nomenclature;

import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.text.RomanianText;

import java.util.UUID;

/** The aggregate's in-memory view of one entry of a reference list. */
final class ReferenceListEntry {

    final UUID id;
    final ReferenceList list;
    String name;
    String nameKey;
    boolean active = true;
    long version;

    ReferenceListEntry(UUID id, ReferenceList list, String name, long version) {
        this.id = id;
        this.list = list;
        rename(name);
        this.version = version;
    }

    void rename(String newName) {
        this.name = newName;
        this.nameKey = RomanianText.nameKey(newName);
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceListEntry that && id.equals(that.id) && list == that.list
                && name.equals(that.name) && active == that.active && version == that.version;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
