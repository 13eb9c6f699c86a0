package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record DeactivateReferenceEntry(@TargetAggregateIdentifier UUID entryId, long expectedVersion) implements NomenclatureCommand {
}
