package ro.marc.query.nomenclature;

import ro.marc.events.nomenclature.ReferenceList;

import java.time.Instant;
import java.util.UUID;

/** An entry of one of the simple reference lists; inactive entries stay where already used. */
public record ReferenceEntryView(UUID id, ReferenceList list, String name, boolean active, long version,
                                 Instant createdAt, Instant updatedAt) {
}
