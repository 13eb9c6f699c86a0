package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/**
 * A document produced by a task, with its periodicity and an optional content (spec §3.1 c: what the
 * document holds), kept as the item's description.
 */
public record ProposeDocument(@TargetAggregateIdentifier UUID documentId, UUID taskId, String name, String content,
                              Periodicity periodicity, Actor proposer, boolean approvedAtOnce) implements NomenclatureCommand {
}
