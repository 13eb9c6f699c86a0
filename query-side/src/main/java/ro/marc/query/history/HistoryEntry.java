package ro.marc.query.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an entity's history, as stored: {@code type} is the event's simple name,
 * {@code payload} and {@code metadata} its JSON.
 */
public record HistoryEntry(long globalIndex, long sequenceNumber, String eventId, String type, String revision,
                           Instant timestamp, String actorUserId, String actorRole, String correlationId,
                           Map<String, Object> payload, Map<String, Object> metadata) {
}
