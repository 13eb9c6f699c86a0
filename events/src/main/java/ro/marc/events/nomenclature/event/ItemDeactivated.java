package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ItemDeactivated")
public record ItemDeactivated(UUID itemId, ItemKind kind, long version) {
}
