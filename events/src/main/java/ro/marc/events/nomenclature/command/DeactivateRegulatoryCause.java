package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/** A502: hidden from new selections, kept where already used. */
public record DeactivateRegulatoryCause(@TargetAggregateIdentifier UUID causeId, long expectedVersion) implements NomenclatureCommand {
}
