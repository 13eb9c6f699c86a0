package ro.marc.command.nomenclature;

import ro.marc.command.org.OrgFacts;
import ro.marc.events.org.County;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link OrgFacts} in memory for the nomenclature's tests: the org units and work units a test names. */
public class FixedOrgFacts implements OrgFacts {

    private final Map<UUID, OrgUnitFact> units = new HashMap<>();
    private final Map<UUID, WorkUnitFact> workUnits = new HashMap<>();

    /** An active county structure (under an unnamed root) holding these work units. */
    public FixedOrgFacts unit(UUID id, County county, UUID... held) {
        UUID root = new UUID(0, 1);
        units.put(id, new OrgUnitFact(id, "Org unit " + id, root, 1, county, true, Set.of(held), List.of(root)));
        for (UUID workUnit : held) {
            workUnits.putIfAbsent(workUnit, new WorkUnitFact(workUnit, "Work unit " + workUnit, false));
        }
        return this;
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        return Optional.ofNullable(id == null ? null : workUnits.get(id));
    }
}
