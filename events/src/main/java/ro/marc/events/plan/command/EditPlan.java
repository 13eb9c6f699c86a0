package ro.marc.events.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.plan.PlanMember;
import ro.marc.events.plan.StageDeadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Replaces the plan's content. A draft is saved provisionally (any number of times, partial content
 * allowed); an active plan must stay complete and valid, and the change publishes a new edition.
 */
public record EditPlan(@TargetAggregateIdentifier UUID planId, LocalDate startDate, String purpose,
                       List<PlanMember> members, StageDeadlines deadlines, long expectedVersion) implements PlanCommand {
}
