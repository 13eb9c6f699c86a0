package ro.marc.events.nomenclature.command;

import java.util.UUID;

public record RenameReferenceEntry(UUID entryId, String name, long expectedVersion) implements NomenclatureCommand {
}
