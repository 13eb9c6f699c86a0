package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/** Refused as stale when the proposal changed after {@code decidedVersion}, the version the decision was made on. */
public record AcceptProposal(@TargetAggregateIdentifier UUID itemId, long decidedVersion) implements NomenclatureCommand {
}
