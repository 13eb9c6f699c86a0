package ro.marc.events.nomenclature;

import java.util.UUID;

public record ReferenceEntryDeactivated(UUID entryId, ReferenceList list, long version) {
}
