package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ReferenceEntryRenamed")
@Revision("2")
public record ReferenceEntryRenamed(UUID entryId, ReferenceList list, String name, String previousName) {
}
