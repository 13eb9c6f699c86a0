package ro.marc.query.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an entity's history straight from the event store (never from a read model), oldest first.
 * Organisation events all live in one stream; an entity's events are those whose payload names it.
 */
public class EventHistory {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EventHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Events of the stream {@code aggregateId} whose payload names {@code entityId} in one of the given
     * subject fields. The GIN index on {@code marc_event_entity_ids(payload)} finds the few events that
     * mention the id at all; the subject-field test then keeps those that are about it.
     */
    public List<HistoryEntry> of(String aggregateId, UUID entityId, List<String> idFields, int limit) {
        String aboutIt = String.join(" OR ", idFields.stream()
                .map(f -> "convert_from(payload, 'UTF8')::jsonb ->> '" + f + "' = :id").toList());
        return jdbc.sql("""
                        SELECT global_index, sequence_number, event_identifier, payload_type, payload_revision,
                               time_stamp, payload, meta_data
                          FROM domain_event_entry
                         WHERE marc_event_entity_ids(payload) @> ARRAY[CAST(:id AS text)]
                           AND aggregate_identifier = :aggregate AND (%s)
                         ORDER BY sequence_number
                         LIMIT :limit""".formatted(aboutIt))
                .param("aggregate", aggregateId).param("id", entityId.toString()).param("limit", limit)
                .query((rs, n) -> {
                    Map<String, Object> metadata = read(rs.getBytes("meta_data"));
                    String type = rs.getString("payload_type");
                    return new HistoryEntry(rs.getLong("global_index"), rs.getLong("sequence_number"),
                            rs.getString("event_identifier"), type.substring(type.lastIndexOf('.') + 1),
                            rs.getString("payload_revision"), Instant.parse(rs.getString("time_stamp")),
                            (String) metadata.get("userId"), (String) metadata.get("role"),
                            (String) metadata.get("correlationId"), read(rs.getBytes("payload")), metadata);
                }).list();
    }

    private Map<String, Object> read(byte[] bytes) {
        return bytes == null ? Map.of() : json.readValue(new String(bytes, StandardCharsets.UTF_8), JSON_OBJECT);
    }
}
