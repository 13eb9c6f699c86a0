package ro.marc.events.plan.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("plan.PlanClosed")
public record PlanClosed(UUID planId, UUID orgUnitId) {
}
