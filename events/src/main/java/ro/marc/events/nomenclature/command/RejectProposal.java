package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/** Rejection needs a reason; refused as stale like {@link AcceptProposal}. */
public record RejectProposal(@TargetAggregateIdentifier UUID itemId, long decidedVersion, String reason) implements NomenclatureCommand {
}
