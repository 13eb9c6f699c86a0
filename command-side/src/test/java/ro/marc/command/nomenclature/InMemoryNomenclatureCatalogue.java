package ro.marc.command.nomenclature;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.text.RomanianText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link NomenclatureCatalogue} in memory, for aggregate and projection tests: built from the events
 * of the other aggregates ({@link #given}), as the JDBC lookup is. Registered as an event handler (in
 * {@code CommandSideForTests}) it follows every event published. Locks do nothing (one thread).
 */
public class InMemoryNomenclatureCatalogue implements NomenclatureCatalogue {

    private final Map<UUID, Entry> entries = new LinkedHashMap<>();

    /** Applies events that happened elsewhere (other aggregates' past). */
    public InMemoryNomenclatureCatalogue given(Object... events) {
        for (Object event : events) {
            apply(event);
        }
        return this;
    }

    @EventHandler
    public void on(Object event) {
        apply(event);
    }

    public void apply(Object event) {
        switch (event) {
            case DomainDefined e -> put(new Entry(e.domainId(), EntryKind.DOMAIN, e.parentDomainId(), null, null, e.name(),
                    "ACTIVE", null, null, List.of()));
            case DomainRenamed e -> change(e.domainId(), x -> with(x, e.name(), x.status(), x.workUnitIds()));
            case ActivityProposed e -> put(new Entry(e.activityId(), EntryKind.ACTIVITY, null, e.domainId(), null, e.name(),
                    "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), e.workUnitIds()));
            case TaskProposed e -> put(new Entry(e.taskId(), EntryKind.TASK, e.activityId(), null, null, e.name(),
                    "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of()));
            case DocumentProposed e -> put(new Entry(e.documentId(), EntryKind.DOCUMENT, e.taskId(), null, null, e.name(),
                    "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of()));
            case RiskProposed e -> put(new Entry(e.riskId(), EntryKind.RISK, e.activityId(), null, null, e.name(),
                    "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of()));
            case ProposalRevised e -> change(e.itemId(), x -> with(x, e.name() == null ? x.name() : e.name(), x.status(),
                    e.kind() == ItemKind.ACTIVITY && e.workUnitIds() != null ? e.workUnitIds() : x.workUnitIds()));
            case ApprovedItemCorrected e -> change(e.itemId(), x -> with(x, e.name(), x.status(),
                    e.kind() == ItemKind.ACTIVITY && e.workUnitIds() != null ? e.workUnitIds() : x.workUnitIds()));
            case ProposalAccepted e -> change(e.itemId(), x -> with(x, x.name(), "APPROVED", x.workUnitIds()));
            case ProposalRejected e -> change(e.itemId(), x -> with(x, x.name(), "REJECTED", x.workUnitIds()));
            case ItemDeactivated e -> change(e.itemId(), x -> with(x, x.name(), "INACTIVE", x.workUnitIds()));
            case ReferenceEntryDefined e -> put(new Entry(e.entryId(), EntryKind.REFERENCE, null, null, e.list(), e.name(),
                    "ACTIVE", null, null, List.of()));
            case ReferenceEntryRenamed e -> change(e.entryId(), x -> with(x, e.name(), x.status(), x.workUnitIds()));
            case ReferenceEntryDeactivated e -> change(e.entryId(), x -> with(x, x.name(), "INACTIVE", x.workUnitIds()));
            default -> {
            }
        }
    }

    private void put(Entry entry) {
        entries.putIfAbsent(entry.id(), entry);
    }

    private void change(UUID id, java.util.function.UnaryOperator<Entry> change) {
        entries.computeIfPresent(id, (k, v) -> change.apply(v));
    }

    private static Entry with(Entry x, String name, String status, List<UUID> workUnits) {
        return new Entry(x.id(), x.kind(), x.parentId(), x.domainId(), x.list(), name, status, x.proposerUserId(),
                x.proposerOrgUnitId(), workUnits);
    }

    @Override
    public Optional<Entry> entry(UUID id) {
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }

    @Override
    public Optional<Entry> named(EntryKind kind, UUID parentId, ReferenceList list, String nameKey) {
        return entries.values().stream().filter(e -> e.kind() == kind && Objects.equals(e.parentId(), parentId)
                && e.list() == list && RomanianText.nameKey(e.name()).equals(nameKey) && !"REJECTED".equals(e.status()))
                .findFirst();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean hasSubdomains(UUID domainId) {
        return entries.values().stream().anyMatch(e -> e.kind() == EntryKind.DOMAIN && domainId.equals(e.parentId()));
    }

    @Override
    public int activityCount(UUID domainId) {
        return (int) entries.values().stream().filter(e -> e.kind() == EntryKind.ACTIVITY
                && domainId.equals(e.domainId()) && !"REJECTED".equals(e.status())).count();
    }

    @Override
    public void lockShared(UUID id) {
    }

    @Override
    public void lockExclusive(UUID id) {
    }
}
