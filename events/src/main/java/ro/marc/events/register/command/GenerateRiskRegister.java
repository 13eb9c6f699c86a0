package ro.marc.events.register.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Generates (or generates again) the draft of the plan's next register edition from every assessment finalised
 * under the active plan (§2.3, A402 merged per risk), listing the assigned work units without one. Schedules the
 * head already set for a measure still present are carried over. The same content as the current draft appends
 * nothing. {@code registerId} = {@link ro.marc.events.register.RegisterIds#of}(planId).
 */
public record GenerateRiskRegister(@TargetAggregateIdentifier UUID registerId, UUID planId) {
}
