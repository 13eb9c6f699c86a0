package ro.marc.command.org;

import ro.marc.events.org.County;
import ro.marc.events.text.RomanianText;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The aggregate's in-memory view of one org unit: only what the rules need. */
final class OrgUnitNode {

    final UUID id;
    UUID parentId;
    String name;
    /** {@link RomanianText#nameKey} of the name, kept so sibling checks do not re-fold every name. */
    String nameKey;
    int level;
    final County county;
    boolean active = true;
    long version;
    final Set<UUID> children = new LinkedHashSet<>();
    final Set<UUID> workUnits = new LinkedHashSet<>();

    OrgUnitNode(UUID id, UUID parentId, String name, int level, County county, long version) {
        this.id = id;
        this.parentId = parentId;
        rename(name);
        this.level = level;
        this.county = county;
        this.version = version;
    }

    void rename(String newName) {
        this.name = newName;
        this.nameKey = RomanianText.nameKey(newName);
    }

    boolean isRoot() {
        return parentId == null;
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrgUnitNode that && id.equals(that.id) && Objects.equals(parentId, that.parentId)
                && name.equals(that.name) && level == that.level && county == that.county && active == that.active
                && version == that.version && children.equals(that.children) && workUnits.equals(that.workUnits);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
