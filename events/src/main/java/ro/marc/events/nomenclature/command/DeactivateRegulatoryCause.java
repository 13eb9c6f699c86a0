package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** A502: hidden from new selections, kept where already used. */
public record DeactivateRegulatoryCause(UUID causeId, long expectedVersion) implements NomenclatureCommand {
}
