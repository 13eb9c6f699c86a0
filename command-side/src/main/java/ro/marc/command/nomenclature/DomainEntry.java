package ro.marc.command.nomenclature;

import ro.marc.events.text.RomanianText;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The aggregate's in-memory view of one domain of activity (or subdomain): only what the rules need. */
final class DomainEntry {

    final UUID id;
    /** Null for a top-level domain; subdomains have no subdomains of their own. */
    final UUID parentId;
    String name;
    /** {@link RomanianText#nameKey} of the name, kept so sibling checks do not re-fold every name. */
    String nameKey;
    long version;
    /** name key → subdomain id. */
    final Map<String, UUID> subdomainsByKey = new HashMap<>();
    /** Activities associated to this domain that are not rejected (G02: then no subdomains may be added). */
    final Set<UUID> activities = new LinkedHashSet<>();

    DomainEntry(UUID id, UUID parentId, String name, long version) {
        this.id = id;
        this.parentId = parentId;
        rename(name);
        this.version = version;
    }

    void rename(String newName) {
        this.name = newName;
        this.nameKey = RomanianText.nameKey(newName);
    }

    boolean isTopLevel() {
        return parentId == null;
    }

    boolean hasSubdomains() {
        return !subdomainsByKey.isEmpty();
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DomainEntry that && id.equals(that.id) && Objects.equals(parentId, that.parentId)
                && name.equals(that.name) && version == that.version && subdomainsByKey.equals(that.subdomainsByKey)
                && activities.equals(that.activities);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
