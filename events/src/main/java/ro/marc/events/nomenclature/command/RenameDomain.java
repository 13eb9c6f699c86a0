package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RenameDomain(@TargetAggregateIdentifier UUID domainId, String name, long expectedVersion) implements NomenclatureCommand {
}
