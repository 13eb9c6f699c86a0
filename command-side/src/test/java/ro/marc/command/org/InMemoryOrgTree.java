package ro.marc.command.org;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.org.County;
import ro.marc.events.org.event.*;
import ro.marc.events.text.RomanianText;

import java.util.*;

/**
 * The organisation's command-side lookup in memory, for tests: {@link OrgTree} for the organisation's
 * own aggregates and {@link OrgFacts} for other capabilities' handlers. It knows what the organisation
 * events given to {@link #apply} say, as {@link OrgLookup} does; {@link #locks()} counts the tree locks
 * taken. Hand it to {@code AggregateTestFixture.registerInjectableResource}, or to the command side of
 * a projection test both as a resource and as a projection (it keeps itself up to date through
 * {@link #on(Object)}).
 */
public class InMemoryOrgTree implements OrgTree, OrgFacts {

    private static final class Unit {
        final UUID id;
        UUID parentId;
        String name;
        int level;
        final County county;
        boolean active = true;
        final Set<UUID> workUnits = new LinkedHashSet<>();

        Unit(UUID id, UUID parentId, String name, int level, County county) {
            this.id = id;
            this.parentId = parentId;
            this.name = name;
            this.level = level;
            this.county = county;
        }
    }

    private final Map<UUID, Unit> units = new LinkedHashMap<>();
    private final Map<UUID, WorkUnitFact> workUnits = new LinkedHashMap<>();
    private int locks;

    /** Applies organisation events (others are ignored); returns the events, for {@code fixture.given(...)}. */
    public Object[] apply(Object... events) {
        for (Object event : events) {
            on(event);
        }
        return events;
    }

    @EventHandler
    public void on(Object event) {
        switch (event) {
            case OrgUnitCreated e -> units.put(e.orgUnitId(), new Unit(e.orgUnitId(), e.parentId(), e.name(),
                    e.parentId() != null && units.containsKey(e.parentId()) ? units.get(e.parentId()).level + 1 : e.level(),
                    e.county()));
            case OrgUnitRenamed e -> units.get(e.orgUnitId()).name = e.name();
            case OrgUnitMoved e -> {
                Unit unit = units.get(e.orgUnitId());
                int shift = units.get(e.toParentId()).level + 1 - unit.level;
                unit.parentId = e.toParentId();
                unit.level += shift;
                descendants(unit.id).forEach(d -> d.level += shift);
            }
            case OrgUnitDeactivated e -> units.get(e.orgUnitId()).active = false;
            case OrgUnitReactivated e -> units.get(e.orgUnitId()).active = true;
            case WorkUnitAssigned e -> units.get(e.orgUnitId()).workUnits.add(e.workUnitId());
            case WorkUnitUnassigned e -> units.get(e.orgUnitId()).workUnits.remove(e.workUnitId());
            case WorkUnitDefined e -> workUnits.put(e.workUnitId(), new WorkUnitFact(e.workUnitId(), e.name(), false));
            case WorkUnitRenamed e -> workUnits.computeIfPresent(e.workUnitId(), (id, w) -> new WorkUnitFact(id, e.name(), w.retired()));
            case WorkUnitRetired e -> workUnits.computeIfPresent(e.workUnitId(), (id, w) -> new WorkUnitFact(id, w.name(), true));
            default -> {
                // not an organisation event this lookup keeps
            }
        }
    }

    /** How many times a handler took the tree lock. */
    public int locks() {
        return locks;
    }

    @Override
    public void lock() {
        locks++;
    }

    @Override
    public Optional<UUID> rootId() {
        return units.values().stream().filter(u -> u.parentId == null).map(u -> u.id).findFirst();
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        Unit unit = id == null ? null : units.get(id);
        if (unit == null) {
            return Optional.empty();
        }
        List<UUID> ancestors = new ArrayList<>();
        for (UUID cursor = unit.parentId; cursor != null && units.containsKey(cursor); cursor = units.get(cursor).parentId) {
            ancestors.addFirst(cursor);
        }
        return Optional.of(new OrgUnitFact(unit.id, unit.name, unit.parentId, unit.level, unit.county, unit.active,
                Set.copyOf(unit.workUnits), List.copyOf(ancestors)));
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        return Optional.ofNullable(id == null ? null : workUnits.get(id));
    }

    @Override
    public Optional<String> childNamed(UUID parentId, String name, UUID except) {
        String key = RomanianText.nameKey(name);
        return units.values().stream().filter(u -> Objects.equals(u.parentId, parentId) && !u.id.equals(except)
                && key.equals(RomanianText.nameKey(u.name))).map(u -> u.name).findFirst();
    }

    @Override
    public List<String> activeChildNames(UUID id) {
        return units.values().stream().filter(u -> id.equals(u.parentId) && u.active).map(u -> u.name).sorted().toList();
    }

    @Override
    public List<Named> descendantsHolding(UUID id, UUID workUnitId) {
        return descendants(id).stream().filter(d -> d.workUnits.contains(workUnitId))
                .sorted(Comparator.comparingInt((Unit d) -> d.level).thenComparing(d -> d.name))
                .map(d -> new Named(d.id, d.name)).toList();
    }

    @Override
    public Optional<String> workUnitNamed(String name, UUID except) {
        String key = RomanianText.nameKey(name);
        return workUnits.values().stream().filter(w -> !w.id().equals(except) && key.equals(RomanianText.nameKey(w.name())))
                .map(WorkUnitFact::name).findFirst();
    }

    private List<Unit> descendants(UUID id) {
        List<Unit> found = new ArrayList<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            UUID parent = pending.pop();
            for (Unit unit : units.values()) {
                if (parent.equals(unit.parentId)) {
                    found.add(unit);
                    pending.push(unit.id);
                }
            }
        }
        return found;
    }
}
