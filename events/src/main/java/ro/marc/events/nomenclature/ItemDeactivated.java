package ro.marc.events.nomenclature;

import java.util.UUID;

public record ItemDeactivated(UUID itemId, ItemKind kind, long version) {
}
