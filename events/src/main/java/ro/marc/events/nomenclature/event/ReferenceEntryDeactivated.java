package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ReferenceEntryDeactivated")
public record ReferenceEntryDeactivated(UUID entryId, ReferenceList list, long version) {
}
