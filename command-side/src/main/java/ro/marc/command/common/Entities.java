package ro.marc.command.common;

import java.util.Map;
import java.util.UUID;

/**
 * The refusals every aggregate makes about its entities, in one place: an id that must be given,
 * a new id that must be free, a known id, and the per-entity optimistic version.
 */
public final class Entities {

    private Entities() {
    }

    /**
     * A new entity's id: INVALID REQUIRED when absent ({@code requiredMessage}, e.g. "A user id is
     * required"), INVALID DUPLICATE_ID when {@code existing} already holds it ("{what} {id} already exists").
     */
    public static UUID requireNew(Map<UUID, ?> existing, String field, UUID id, String requiredMessage, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", requiredMessage);
        }
        if (existing.containsKey(id)) {
            throw CommandRejected.invalid(field, "DUPLICATE_ID", what + " " + id + " already exists");
        }
        return id;
    }

    /** A known entity: INVALID REQUIRED when the id is absent, NOT_FOUND ("{what} {id} does not exist") when unknown. */
    public static <T> T requireKnown(Map<UUID, T> existing, String field, UUID id, String requiredMessage, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", requiredMessage);
        }
        T entity = existing.get(id);
        if (entity == null) {
            throw CommandRejected.notFound(field, id, what);
        }
        return entity;
    }

    /** CONFLICT STALE_VERSION when the caller edited another version than the current one. */
    public static void requireVersion(String entity, UUID id, long expected, long actual) {
        if (expected != actual) {
            throw CommandRejected.staleVersion(entity, id, expected, actual);
        }
    }
}
