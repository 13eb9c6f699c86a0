package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** Added without approval (central administrators are notified); visible to everyone on the work unit. */
public record AddRegulatoryCause(UUID causeId, RegulatoryCauseDetails details, String authorUserId,
                                 UUID authorOrgUnitId) implements NomenclatureCommand {
}
