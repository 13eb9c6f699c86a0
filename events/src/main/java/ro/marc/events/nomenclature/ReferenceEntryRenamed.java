package ro.marc.events.nomenclature;

import java.util.UUID;

public record ReferenceEntryRenamed(UUID entryId, ReferenceList list, String name, String previousName, long version) {
}
