package ro.marc.api.scheduling;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task's data as JSON (readable in the table, and tolerant of a record that gains a field) rather than
 * db-scheduler's default Java serialization.
 */
final class JsonTaskData implements Serializer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null || type == null || type == Void.class ? null : JSON.readValue(bytes, type);
    }
}
