package ro.marc.events.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Makes a complete draft the org unit's one active plan (refused while another plan is active). */
public record ActivatePlan(@TargetAggregateIdentifier UUID planId, long expectedVersion) implements PlanCommand {
}
