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
 * Every entity is its own aggregate, so its history is its stream, numbered per entity.
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

    /** The first {@code limit} events of the entity's stream (found by the stream's unique index). */
    public List<HistoryEntry> of(UUID entityId, int limit) {
        return jdbc.sql("""
                        SELECT global_index, sequence_number, event_identifier, payload_type, payload_revision,
                               time_stamp, payload, meta_data
                          FROM domain_event_entry
                         WHERE aggregate_identifier = :aggregate
                         ORDER BY sequence_number
                         LIMIT :limit""")
                .param("aggregate", entityId.toString()).param("limit", limit)
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
