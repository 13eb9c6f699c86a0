package ro.marc.events.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Closes an active plan: it and everything under it stay readable; another plan may then be activated. */
public record ClosePlan(@TargetAggregateIdentifier UUID planId, long expectedVersion) implements PlanCommand {
}
