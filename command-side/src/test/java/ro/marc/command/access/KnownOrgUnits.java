package ro.marc.command.access;

import ro.marc.command.org.OrgFacts;

import java.util.*;

/** {@link OrgFacts} in memory for the access tests: the org units named exist (active, without work units). */
final class KnownOrgUnits implements OrgFacts {

    private final Set<UUID> orgUnits = new HashSet<>();

    KnownOrgUnits(UUID... orgUnits) {
        this.orgUnits.addAll(List.of(orgUnits));
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        return orgUnits.contains(id)
                ? Optional.of(new OrgUnitFact(id, "Structura " + id, null, 1, null, true, Set.of(), List.of()))
                : Optional.empty();
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        return Optional.empty();
    }
}
