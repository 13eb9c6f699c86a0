package ro.marc.events.nomenclature;

import java.util.UUID;

public record ReferenceEntryDefined(UUID entryId, ReferenceList list, String name, long version) {
}
