package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/** An approved entry leaves new selections; it stays where already used. */
public record DeactivateItem(@TargetAggregateIdentifier UUID itemId, long expectedVersion) implements NomenclatureCommand {
}
