package ro.marc.events.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Starts a plan for an org unit, as a draft; any part but the org unit may still be missing. */
public record DraftPlan(@TargetAggregateIdentifier UUID planId, UUID orgUnitId, LocalDate startDate, String purpose,
                        List<PlanMember> members, StageDeadlines deadlines) implements PlanCommand {
}
