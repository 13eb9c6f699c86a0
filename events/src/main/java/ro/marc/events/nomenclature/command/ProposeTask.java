package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.Actor;

import java.util.UUID;

/** A task of a vulnerable activity (proposed or approved, not rejected or inactive). */
public record ProposeTask(@TargetAggregateIdentifier UUID taskId, UUID activityId, String name, Actor proposer, boolean approvedAtOnce) implements NomenclatureCommand {
}
