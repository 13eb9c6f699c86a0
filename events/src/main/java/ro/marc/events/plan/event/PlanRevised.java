package ro.marc.events.plan.event;

import ro.marc.events.EventName;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An active plan changed: a new edition (2, 3, …). The previous edition stays in the history and as a
 * PDF in the plan's documents; the members are notified of their tasks and deadlines.
 */
@EventName("plan.PlanRevised")
public record PlanRevised(UUID planId, UUID orgUnitId, LocalDate startDate, String purpose, List<PlanMember> members,
                          StageDeadlines deadlines, PlanEdition edition) {
}
