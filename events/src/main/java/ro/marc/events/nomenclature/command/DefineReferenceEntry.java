package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

public record DefineReferenceEntry(@TargetAggregateIdentifier UUID entryId, ReferenceList list, String name) implements NomenclatureCommand {
}
