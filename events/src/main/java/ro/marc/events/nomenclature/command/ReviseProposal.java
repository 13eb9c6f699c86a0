package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/**
 * Its proposer changes a proposal before the decision. Null fields stay as they are;
 * {@code workUnitIds} only for activities, {@code periodicity} only for documents.
 */
public record ReviseProposal(@TargetAggregateIdentifier UUID itemId, String name, String description, List<UUID> workUnitIds,
                             Periodicity periodicity, long expectedVersion, Actor reviser) implements NomenclatureCommand {
}
