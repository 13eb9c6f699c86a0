package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.Actor;

import java.util.UUID;

/**
 * A task of a vulnerable activity (proposed or approved, not rejected or inactive), with an optional
 * description (spec §3.1 b).
 */
public record ProposeTask(@TargetAggregateIdentifier UUID taskId, UUID activityId, String name, String description,
                          Actor proposer, boolean approvedAtOnce) implements NomenclatureCommand {
}
