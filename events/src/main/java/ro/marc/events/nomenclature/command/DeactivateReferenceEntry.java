package ro.marc.events.nomenclature.command;

import java.util.UUID;

public record DeactivateReferenceEntry(UUID entryId, long expectedVersion) implements NomenclatureCommand {
}
