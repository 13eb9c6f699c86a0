package ro.marc.events.nomenclature.command;

import java.util.UUID;

public record RenameDomain(UUID domainId, String name, long expectedVersion) implements NomenclatureCommand {
}
