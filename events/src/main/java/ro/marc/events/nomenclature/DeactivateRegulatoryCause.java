package ro.marc.events.nomenclature;

import java.util.UUID;

/** A502: hidden from new selections, kept where already used. */
public record DeactivateRegulatoryCause(UUID causeId, long expectedVersion) implements NomenclatureCommand {
}
