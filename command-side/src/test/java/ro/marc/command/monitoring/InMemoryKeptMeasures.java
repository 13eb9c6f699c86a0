package ro.marc.command.monitoring;

import ro.marc.events.assessment.Measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An in-memory {@link KeptMeasures} for the assessment's aggregate tests. */
public final class InMemoryKeptMeasures implements KeptMeasures {

    private final Map<UUID, Set<UUID>> kept = new HashMap<>();
    private final List<KeptInPlan> inPlans = new ArrayList<>();

    private record KeptInPlan(UUID planId, UUID orgUnitId, UUID workUnitId, UUID riskId, List<Measure> measures) {
    }

    public InMemoryKeptMeasures kept(UUID assessmentId, UUID measureId) {
        kept.computeIfAbsent(assessmentId, id -> new HashSet<>()).add(measureId);
        return this;
    }

    /** Measures kept under {@code planId}; a later call is a more recent plan. */
    public InMemoryKeptMeasures keptInPlan(UUID planId, UUID orgUnitId, UUID workUnitId, UUID riskId, Measure... measures) {
        inPlans.add(new KeptInPlan(planId, orgUnitId, workUnitId, riskId, List.of(measures)));
        return this;
    }

    @Override
    public Set<UUID> keptOf(UUID assessmentId) {
        return Set.copyOf(kept.getOrDefault(assessmentId, Set.of()));
    }

    @Override
    public List<Measure> keptInThePreviousPlan(UUID planId, UUID orgUnitId, UUID workUnitId, UUID riskId) {
        return inPlans.reversed().stream()
                .filter(k -> !k.planId().equals(planId) && k.orgUnitId().equals(orgUnitId) && k.workUnitId().equals(workUnitId)
                        && k.riskId().equals(riskId))
                .findFirst().map(KeptInPlan::measures).orElse(List.of());
    }
}
