package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ReferenceEntryDefined")
public record ReferenceEntryDefined(UUID entryId, ReferenceList list, String name, long version) {
}
