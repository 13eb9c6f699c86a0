package ro.marc.events.plan.event;

import ro.marc.events.EventName;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@EventName("plan.PlanDrafted")
public record PlanDrafted(UUID planId, UUID orgUnitId, LocalDate startDate, String purpose, List<PlanMember> members,
                          StageDeadlines deadlines) {
}
