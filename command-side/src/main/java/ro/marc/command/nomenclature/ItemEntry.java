package ro.marc.command.nomenclature;

import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.text.RomanianText;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The aggregate's in-memory view of one proposed item (activity, task, document or risk): its
 * place in the tree, the fields a revision reports in full, its status and version.
 */
final class ItemEntry {

    final UUID id;
    final ItemKind kind;
    /** The activity of a task or risk, the task of a document; null for an activity. */
    final UUID parentId;
    /** The domain of an activity; null otherwise. */
    final UUID domainId;
    String name;
    String nameKey;
    /** Activities and risks only. */
    String description;
    /** Activities only; empty otherwise. */
    List<UUID> workUnitIds;
    /** Documents only. */
    Periodicity periodicity;
    final String proposerUserId;
    ItemStatus status = ItemStatus.PROPOSED;
    long version;
    /** Per child kind (an activity's tasks and risks, a task's documents): name key → child id, rejected children left out. */
    final Map<ItemKind, Map<String, UUID>> childrenByKey = new EnumMap<>(ItemKind.class);

    ItemEntry(UUID id, ItemKind kind, UUID parentId, UUID domainId, String name, String description,
              List<UUID> workUnitIds, Periodicity periodicity, String proposerUserId, long version) {
        this.id = id;
        this.kind = kind;
        this.parentId = parentId;
        this.domainId = domainId;
        rename(name);
        this.description = description;
        this.workUnitIds = List.copyOf(workUnitIds);
        this.periodicity = periodicity;
        this.proposerUserId = proposerUserId;
        this.version = version;
    }

    void rename(String newName) {
        this.name = newName;
        this.nameKey = RomanianText.nameKey(newName);
    }

    /** Proposed or approved: children may be proposed and accepted under it, causes attached to it. */
    boolean isLive() {
        return status == ItemStatus.PROPOSED || status == ItemStatus.APPROVED;
    }

    Map<String, UUID> children(ItemKind childKind) {
        return childrenByKey.computeIfAbsent(childKind, k -> new HashMap<>());
    }

    /** Value equality, so Axon's test fixture can prove that sourcing reproduces the state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ItemEntry that && id.equals(that.id) && kind == that.kind
                && Objects.equals(parentId, that.parentId) && Objects.equals(domainId, that.domainId)
                && name.equals(that.name) && Objects.equals(description, that.description)
                && workUnitIds.equals(that.workUnitIds) && periodicity == that.periodicity
                && Objects.equals(proposerUserId, that.proposerUserId) && status == that.status
                && version == that.version && nonEmpty(childrenByKey).equals(nonEmpty(that.childrenByKey));
    }

    private static Map<ItemKind, Map<String, UUID>> nonEmpty(Map<ItemKind, Map<String, UUID>> byKind) {
        Map<ItemKind, Map<String, UUID>> result = new EnumMap<>(ItemKind.class);
        byKind.forEach((kind, children) -> {
            if (!children.isEmpty()) {
                result.put(kind, children);
            }
        });
        return result;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
