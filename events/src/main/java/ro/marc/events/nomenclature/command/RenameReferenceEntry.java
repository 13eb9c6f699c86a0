package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RenameReferenceEntry(@TargetAggregateIdentifier UUID entryId, String name, long expectedVersion) implements NomenclatureCommand {
}
