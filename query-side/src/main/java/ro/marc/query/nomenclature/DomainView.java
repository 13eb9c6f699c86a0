package ro.marc.query.nomenclature;

import java.time.Instant;
import java.util.UUID;

/** A domain of activity, or a subdomain when {@code parentId} is set. */
public record DomainView(UUID id, UUID parentId, String name, long version, Instant createdAt, Instant updatedAt) {
}
