package ro.marc.command.nomenclature;

import ro.marc.command.common.CommandRejected;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.ReferenceList;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the nomenclature's command handlers ask about entries other than their own aggregate: a
 * named query over the command-side lookup {@code nomenclature_entry_lookup}, which is written in the
 * transaction of every nomenclature event (so it is as fresh as the event store on every node).
 * Handlers take it as a parameter; aggregate tests register {@code InMemoryNomenclatureCatalogue}.
 *
 * <p>Races: a name taken by two commands at once is refused at commit by the lookup's unique index
 * (CONFLICT {@code DUPLICATE_NAME}); rules that read a parent's state (G02, live parents) lock that
 * parent first ({@link #lockShared}, {@link #lockExclusive}: PostgreSQL advisory transaction locks), so
 * the read stays true until the command commits.
 */
public interface NomenclatureCatalogue {

    /** A domain, nomenclature item or reference entry, empty when no entry has this id. */
    Optional<Entry> entry(UUID id);

    /**
     * The entry {@code id} of {@code kind}, whatever its status (the caller's rule decides which it takes), or a
     * refusal naming {@code field}: REQUIRED (no id), NOT_FOUND, WRONG_KIND.
     */
    default Entry require(String field, UUID id, EntryKind kind) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", kind.displayName() + " is required");
        }
        Entry entry = entry(id).orElseThrow(() -> CommandRejected.notFound(field, id, kind.displayName()));
        if (entry.kind() != kind) {
            throw CommandRejected.invalid(field, "WRONG_KIND",
                    "The entry " + id + " is not a " + kind.displayName().toLowerCase(Locale.ROOT));
        }
        return entry;
    }

    /**
     * An entry of the reference list {@code list} to be chosen, or a refusal naming {@code field}: REQUIRED, NOT_FOUND,
     * WRONG_KIND (as {@link #require}), WRONG_LIST; INACTIVE_ENTRY when deactivated, unless it is in {@code alreadyUsed}
     * (an entry deactivated since it was chosen stays where it is used, but is not chosen anew).
     */
    default Entry requireReference(String field, UUID id, ReferenceList list, Set<UUID> alreadyUsed) {
        Entry entry = require(field, id, EntryKind.REFERENCE);
        if (entry.list() != list) {
            throw CommandRejected.invalid(field, "WRONG_LIST", "'" + entry.name() + "' is an entry of " + entry.list()
                    + ", not of " + list);
        }
        if (!entry.active() && !alreadyUsed.contains(id)) {
            throw CommandRejected.invalid(field, "INACTIVE_ENTRY", "'" + entry.name() + "' is deactivated and cannot be newly chosen");
        }
        return entry;
    }

    /**
     * The entry of {@code kind} whose name has {@code nameKey} ({@link ro.marc.events.text.RomanianText#nameKey})
     * among its siblings: under {@code parentId} (null: top-level domains, or all activities), or in
     * {@code list} for reference entries. Rejected items are left out (their names are free again).
     */
    Optional<Entry> named(EntryKind kind, UUID parentId, ReferenceList list, String nameKey);

    /** Whether the nomenclature has no entry at all (no domain, item or reference entry). */
    boolean isEmpty();

    /** Whether the domain has subdomains. */
    boolean hasSubdomains(UUID domainId);

    /** How many activities (not rejected) are associated to the domain. */
    int activityCount(UUID domainId);

    /** Holds the entry as a parent (shared) until the command's transaction ends. */
    void lockShared(UUID id);

    /** Holds the entry exclusively (its status or its children's shape changes) until the transaction ends. */
    void lockExclusive(UUID id);

    enum EntryKind {
        DOMAIN, ACTIVITY, TASK, DOCUMENT, RISK, REFERENCE;

        public static EntryKind of(ItemKind kind) {
            return valueOf(kind.name());
        }

        public ItemKind itemKind() {
            return this == DOMAIN || this == REFERENCE ? null : ItemKind.valueOf(name());
        }

        /** "Activity", "Risk", "Domain", "Reference entry". */
        public String displayName() {
            return switch (this) {
                case DOMAIN -> "Domain";
                case REFERENCE -> "Reference entry";
                default -> NomenclatureRules.kindName(itemKind());
            };
        }
    }

    /**
     * An entry as the rules need it.
     *
     * @param parentId          a subdomain's domain, a task's or risk's activity, a document's task; else null
     * @param domainId          an activity's domain; else null
     * @param list              a reference entry's list; else null
     * @param status            items: their {@link ItemStatus}; reference entries ACTIVE or INACTIVE; domains ACTIVE
     * @param proposerUserId    items: who proposed it
     * @param proposerOrgUnitId items: the proposer's org unit
     * @param workUnitIds       activities: their work units; else empty
     */
    record Entry(UUID id, EntryKind kind, UUID parentId, UUID domainId, ReferenceList list, String name, String status,
                 String proposerUserId, UUID proposerOrgUnitId, List<UUID> workUnitIds) {

        public Entry {
            workUnitIds = workUnitIds == null ? List.of() : List.copyOf(workUnitIds);
        }

        public ItemStatus itemStatus() {
            return kind.itemKind() == null ? null : ItemStatus.valueOf(status);
        }

        /** Proposed or approved: children may be proposed and accepted under it, causes attached to it. */
        public boolean isLive() {
            ItemStatus s = itemStatus();
            return s == ItemStatus.PROPOSED || s == ItemStatus.APPROVED;
        }

        public boolean active() {
            return !"INACTIVE".equals(status);
        }

        /** "Activity 'Achiziții directe'". */
        public String label() {
            return NomenclatureRules.kindName(kind.itemKind()) + " '" + name + "'";
        }

        public String statusWord() {
            return status.toLowerCase(Locale.ROOT);
        }
    }
}
