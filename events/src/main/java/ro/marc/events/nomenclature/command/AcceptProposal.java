package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** Refused as stale when the proposal changed after {@code decidedVersion}, the version the decision was made on. */
public record AcceptProposal(UUID itemId, long decidedVersion) implements NomenclatureCommand {
}
