package ro.marc.command.analysis;

import ro.marc.command.plan.ActivePlans;
import ro.marc.events.plan.PlanStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ActivePlans} in memory: the plans a test names, in the state it gives them. */
final class InMemoryActivePlans implements ActivePlans {

    private final Map<UUID, PlanFact> plans = new LinkedHashMap<>();

    InMemoryActivePlans put(PlanFact plan) {
        plans.put(plan.planId(), plan);
        return this;
    }

    InMemoryActivePlans status(UUID planId, PlanStatus status) {
        PlanFact p = plans.get(planId);
        return put(new PlanFact(p.planId(), p.orgUnitId(), status, p.purpose(), p.startDate(), p.deadlines(), p.members()));
    }

    @Override
    public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
        return plans.values().stream().filter(p -> p.orgUnitId().equals(orgUnitId) && p.active()).findFirst();
    }

    @Override
    public Optional<PlanFact> plan(UUID planId) {
        return Optional.ofNullable(planId == null ? null : plans.get(planId));
    }
}
