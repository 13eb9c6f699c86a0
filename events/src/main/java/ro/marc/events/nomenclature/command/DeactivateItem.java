package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** An approved entry leaves new selections; it stays where already used. */
public record DeactivateItem(UUID itemId, long expectedVersion) implements NomenclatureCommand {
}
