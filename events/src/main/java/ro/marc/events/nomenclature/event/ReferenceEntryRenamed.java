package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ReferenceEntryRenamed")
public record ReferenceEntryRenamed(UUID entryId, ReferenceList list, String name, String previousName, long version) {
}
