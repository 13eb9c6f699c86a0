package ro.marc.command.common;

import java.util.Map;
import java.util.UUID;

/**
 * Creates are idempotent: a create sent again with the id the client chose returns the first result
 * and applies nothing when it carries the same content; with other content it is refused as CONFLICT
 * {@code DUPLICATE_ID}. Every entity has its own stream named by its id, so an id already used by an
 * entity of another kind is refused the same way (its events would otherwise become this one's past).
 * Used by the creating handler of every aggregate.
 */
public final class Creations {

    private Creations() {
    }

    /** {@code first}: the creation event as stored; {@code again}: the event this command would create. */
    public static long repeated(Object first, Object again, String field, UUID id, String what, long firstResult) {
        if (first.equals(again)) {
            return firstResult;
        }
        throw duplicate(field, id, what + " " + id + " already exists with other content");
    }

    /** Before creating: no other kind of entry has a stream with this id. */
    public static void requireUnused(String field, UUID id, String what) {
        if (Versions.current() > 0) {
            throw duplicate(field, id, what + " " + id + " cannot be created: the id is used by another entity");
        }
    }

    private static CommandRejected duplicate(String field, UUID id, String message) {
        return new CommandRejected(CommandRejected.Reason.CONFLICT, field, "DUPLICATE_ID", message,
                Map.of("id", String.valueOf(id)));
    }
}
