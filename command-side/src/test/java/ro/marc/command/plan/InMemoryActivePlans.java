package ro.marc.command.plan;

import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.plan.StageDeadlines;
import ro.marc.events.plan.event.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ActivePlans} in memory, for aggregate tests: the plans that exist are given as their events
 * ({@link #given}), as {@link PlanLookup} would have applied them. Empty, it answers "no plan" everywhere
 * (the behaviour before plans existed).
 */
public final class InMemoryActivePlans implements ActivePlans {

    private final Map<UUID, PlanFact> plans = new LinkedHashMap<>();

    public InMemoryActivePlans given(Object... events) {
        for (Object event : events) {
            switch (event) {
                case PlanDrafted e -> put(e.planId(), e.orgUnitId(), PlanStatus.DRAFT, e.purpose(), e.startDate(), e.deadlines(), e.members());
                case PlanDraftSaved e -> put(e.planId(), e.orgUnitId(), PlanStatus.DRAFT, e.purpose(), e.startDate(), e.deadlines(), e.members());
                case PlanActivated e -> put(e.planId(), e.orgUnitId(), PlanStatus.ACTIVE, e.purpose(), e.startDate(), e.deadlines(), e.members());
                case PlanRevised e -> put(e.planId(), e.orgUnitId(), PlanStatus.ACTIVE, e.purpose(), e.startDate(), e.deadlines(), e.members());
                case PlanClosed e -> {
                    PlanFact p = plans.get(e.planId());
                    plans.put(e.planId(), new PlanFact(p.planId(), p.orgUnitId(), PlanStatus.CLOSED, p.purpose(), p.startDate(),
                            p.deadlines(), p.members()));
                }
                default -> throw new IllegalArgumentException("not a plan event: " + event);
            }
        }
        return this;
    }

    /** An active plan of {@code orgUnitId} with these members (the rest left empty). */
    public InMemoryActivePlans active(UUID planId, UUID orgUnitId, PlanMember... members) {
        return given(new PlanActivated(planId, orgUnitId, LocalDate.of(2026, 11, 2), "Plan " + planId, List.of(members),
                new StageDeadlines(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31)), null));
    }

    private void put(UUID planId, UUID orgUnitId, PlanStatus status, String purpose, LocalDate start, StageDeadlines deadlines,
                     List<PlanMember> members) {
        Map<UUID, PlanMember> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.userId(), m));
        plans.put(planId, new PlanFact(planId, orgUnitId, status, purpose, start, deadlines, byId));
    }

    @Override
    public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
        return plans.values().stream().filter(p -> p.active() && p.orgUnitId().equals(orgUnitId)).findFirst();
    }

    @Override
    public Optional<PlanFact> plan(UUID planId) {
        return Optional.ofNullable(planId == null ? null : plans.get(planId));
    }
}
