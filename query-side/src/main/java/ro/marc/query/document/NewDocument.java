package ro.marc.query.document;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The metadata of a document to store: everything but the content's hash and size, which the store computes.
 *
 * @param id            the document's id (generated documents: {@link #generatedId}, so a redelivery names the same one)
 * @param edition       the owner's edition a generated document renders; {@code null} for an upload
 * @param createdById   who published the edition or uploaded the file; {@code null}: MARC itself
 */
public record NewDocument(UUID id, OwnerKind ownerKind, UUID ownerId, UUID orgUnitId, String kind, Integer edition,
                          String title, String fileName, String mediaType, UUID createdById, String createdByName,
                          Instant createdAt) {

    public NewDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(orgUnitId, "orgUnitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(createdAt, "createdAt");
        createdByName = createdByName == null || createdByName.isBlank() ? "MARC" : createdByName;
    }

    /** The same metadata under another id. */
    public NewDocument withId(UUID other) {
        return new NewDocument(other, ownerKind, ownerId, orgUnitId, kind, edition, title, fileName, mediaType, createdById,
                createdByName, createdAt);
    }

    /** The id of the generated document of an owner's edition: the same on every node and every redelivery. */
    public static UUID generatedId(OwnerKind ownerKind, UUID ownerId, String kind, int edition) {
        return UUID.nameUUIDFromBytes(("document:" + ownerKind + ":" + ownerId + ":" + kind + ":" + edition)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
