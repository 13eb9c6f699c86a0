package ro.marc.events.plan.event;

import ro.marc.events.EventName;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The plan became its org unit's active plan; {@code edition} is edition 1, as published. */
@EventName("plan.PlanActivated")
public record PlanActivated(UUID planId, UUID orgUnitId, LocalDate startDate, String purpose, List<PlanMember> members,
                            StageDeadlines deadlines, PlanEdition edition) {
}
