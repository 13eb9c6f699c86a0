package ro.marc.api.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream is a contract. {@code event-samples/current/<name>.json} holds one stored event of
 * every type MARC writes today, as the event store keeps it (pinned name, revision, payload JSON);
 * {@code event-samples/release-2026-12-01/} one of every type the first release wrote. Each sample must
 * be read (through the serializer and the upcasters MARC runs with) into its event class, and today's
 * samples must be exactly what MARC writes for that event: a renamed or moved class, a changed shape
 * without a new {@code @Revision}, or an event type without a sample fails here.
 */
class EventSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCatalogue catalogue = EventCatalogue.scan();
    private final PinnedNameSerializer serializer = new PinnedNameSerializer(
            Jackson3Serializer.builder().revisionResolver(new AnnotationRevisionResolver()), catalogue);
    private final EventUpcasterChain upcasters = new EventUpcasterChain(Release20261201Upcasters.all());

    @Test
    void every_event_type_has_a_sample_that_reads_back_and_is_written_the_same_way() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Class<?>> type : catalogue.all().entrySet()) {
            JsonNode sample = sample("event-samples/current/" + type.getKey() + ".json");
            if (sample == null) {
                missing.add(type.getKey());
                continue;
            }
            assertThat(sample.get("type").asString()).isEqualTo(type.getKey());
            Object event = read(sample);
            assertThat(event).as(type.getKey()).isInstanceOf(type.getValue());

            SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
            assertThat(written.getType().getName()).as("stored name of " + type.getValue()).isEqualTo(type.getKey());
            assertThat(written.getType().getRevision()).as("revision of " + type.getKey()).isEqualTo(revision(sample));
            assertThat(JSON.readTree(new String(written.getData(), StandardCharsets.UTF_8)))
                    .as("what MARC writes for " + type.getKey()).isEqualTo(sample.get("payload"));
        }
        assertThat(missing).as("event types without a stored sample in event-samples/current/").isEmpty();
    }

    @Test
    void every_event_the_first_release_stored_is_read_as_todays_event() {
        for (Release20261201Upcasters.StoredType stored : Release20261201Upcasters.STORED_TYPES) {
            String simpleName = stored.className().substring(stored.className().lastIndexOf('.') + 1);
            JsonNode sample = sample("event-samples/release-2026-12-01/" + simpleName + ".json");
            assertThat(sample).as("sample of " + stored.className()).isNotNull();
            assertThat(sample.get("type").asString()).isEqualTo(stored.className());
            if (stored.versionField() != null) {
                assertThat(sample.at("/payload/" + stored.versionField()).isNumber()).isTrue();
            }
            Object event = read(sample);
            assertThat(event).as(stored.className()).isInstanceOf(catalogue.classOf(stored.pinnedName()));

            // read through the upcasters, it is today's event: the same as today's sample of that type
            JsonNode today = sample("event-samples/current/" + stored.pinnedName() + ".json");
            assertThat(today).as("today's sample of " + stored.pinnedName()).isNotNull();
            JsonNode withoutVersion = sample.get("payload").deepCopy();
            if (stored.versionField() != null) {
                ((tools.jackson.databind.node.ObjectNode) withoutVersion).remove(stored.versionField());
            }
            assertThat(JSON.readTree(new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8)))
                    .isEqualTo(withoutVersion);
        }
    }

    @Test
    void a_renamed_class_would_not_change_the_stored_name() {
        for (Map.Entry<String, Class<?>> type : catalogue.all().entrySet()) {
            assertThat(serializer.typeForClass(type.getValue()).getName()).isEqualTo(type.getKey())
                    .doesNotContain(type.getValue().getPackageName());
            assertThat(serializer.classForType(serializer.typeForClass(type.getValue()))).isEqualTo(type.getValue());
        }
    }

    private Object read(JsonNode sample) {
        byte[] payload = JSON.writeValueAsBytes(sample.get("payload"));
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Sample", UUID.randomUUID().toString(), 0,
                UUID.randomUUID().toString(), Instant.parse("2026-12-01T00:00:00Z"), sample.get("type").asString(),
                revision(sample), payload, "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.getFirst().getPayload();
    }

    private static String revision(JsonNode sample) {
        JsonNode revision = sample.get("revision");
        return revision == null || revision.isNull() ? null : revision.asString();
    }

    private static JsonNode sample(String resource) {
        try (InputStream in = EventSamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
