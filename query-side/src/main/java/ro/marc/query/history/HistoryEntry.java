package ro.marc.query.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an entity's history, as stored: {@code sequenceNumber} its place in the entity's
 * stream (0 for the event that created it), {@code type} the event's name without its capability,
 * {@code payload} and {@code metadata} its JSON.
 */
public record HistoryEntry(long globalIndex, long sequenceNumber, String eventId, String type, String revision,
                           Instant timestamp, String actorUserId, String actorRole, String correlationId,
                           Map<String, Object> payload, Map<String, Object> metadata) {

    /** The entity's version just after this event: what a client sent back as {@code expectedVersion} then. */
    public long version() {
        return sequenceNumber + 1;
    }
}
