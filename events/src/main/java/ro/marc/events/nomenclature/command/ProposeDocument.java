package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** A document produced by a task, with its periodicity. */
public record ProposeDocument(@TargetAggregateIdentifier UUID documentId, UUID taskId, String name, Periodicity periodicity, Actor proposer,
                              boolean approvedAtOnce) implements NomenclatureCommand {
}
