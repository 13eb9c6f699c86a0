package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ReferenceEntryDeactivated")
@Revision("2")
public record ReferenceEntryDeactivated(UUID entryId, ReferenceList list) {
}
