package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ItemDeactivated")
@Revision("2")
public record ItemDeactivated(UUID itemId, ItemKind kind) {
}
