package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.Actor;

import java.util.UUID;

/** A corruption risk of a vulnerable activity. */
public record ProposeRisk(@TargetAggregateIdentifier UUID riskId, UUID activityId, String name, String description, Actor proposer,
                          boolean approvedAtOnce) implements NomenclatureCommand {
}
