package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

import java.util.UUID;

public record DefineReferenceEntry(UUID entryId, ReferenceList list, String name) implements NomenclatureCommand {
}
