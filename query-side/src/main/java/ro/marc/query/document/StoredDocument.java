package ro.marc.query.document;

import java.time.Instant;
import java.util.UUID;

/** A stored document's metadata; its content is {@link DocumentStore#content}. {@code sha256}: lower-case hex. */
public record StoredDocument(UUID id, OwnerKind ownerKind, UUID ownerId, UUID orgUnitId, String kind, Integer edition,
                             String title, String fileName, String mediaType, String sha256, long size,
                             UUID createdById, String createdByName, Instant createdAt) {
}
