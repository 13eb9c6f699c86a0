package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** Rejection needs a reason; refused as stale like {@link AcceptProposal}. */
public record RejectProposal(UUID itemId, long decidedVersion, String reason) implements NomenclatureCommand {
}
