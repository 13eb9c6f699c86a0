package ro.marc.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import tools.jackson.databind.MapperFeature;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Snapshots of the command side's aggregates (every {@code @Aggregate} in {@code ro.marc.command} names
 * {@link #TRIGGER}). MARC has no distributed command bus: every node loads the aggregate from the event
 * store for each command (no aggregate cache, which would be per-node state made stale by the other
 * node's appends), and two nodes appending to one aggregate are kept apart by the event store's unique
 * key on (aggregate, sequence) — the loser retries ({@code CommandSender}). Loading per command is cheap
 * while a stream is short; a snapshot every {@code marc.snapshots.threshold} events (100) bounds it for
 * the long-lived entities (an org unit with many work units, a nomenclature item edited for years).
 *
 * <p>A snapshot is a cache in the database, never the truth: it is written after the command committed
 * (by Axon's {@link Snapshotter}, in its own transaction) and every node reads it only when it can be
 * trusted. Its {@code payload_revision} is the aggregate's <em>shape</em> ({@link #shapeOf}: the names
 * and types of its fields and of MARC's types inside them, plus an optional {@code @Revision} on the
 * aggregate that a developer bumps when an event sourcing handler changes its meaning); a snapshot of
 * another shape, or one that cannot be deserialized, is ignored and the aggregate is replayed from its
 * events in full (then a new snapshot is taken after the next command). So a release that changes an
 * aggregate needs no snapshot migration.
 *
 * <p>Snapshots have their own serializer: fields, not getters (aggregates have private fields and no
 * accessors), strict about unknown properties; the event serializer stays as it is.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {

    /** The bean name every aggregate names in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    private static final Logger log = LoggerFactory.getLogger(AggregateSnapshots.class);

    /**
     * 100 events, measured (AggregateSnapshotsTest, PostgreSQL on the same machine): a one-event stream loads
     * in ~1 ms, each further event adds ~0.011 ms (154 events: 2.6 ms replayed, 0.5 ms from a snapshot at the
     * head). So a load replays at most ~1 ms more than the cheapest one; a lower threshold would mostly add
     * snapshot writes (one insert and delete per threshold events of an entity).
     */
    @Bean(TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${marc.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** The snapshots' serializer: private fields, strict, revision = the aggregate's shape. */
    static Serializer serializer() {
        return Jackson3Serializer.builder()
                .revisionResolver(SHAPE)
                .jsonMapperBuilderCustomizer(mapper -> mapper.changeDefaultVisibility(visibility -> visibility
                                .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                                .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                                .withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
                        // final collection fields (a UserAccount's EnumMap of roles, an org unit's LinkedHashSet of
                        // work units): read into the instance the constructor made, keeping its type and order;
                        // without this Jackson 3 silently skipped them (AggregateSnapshotsTest round-trips every aggregate)
                        .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                        .withConfigOverride(Map.class, override -> override.setMergeable(true))
                        .withConfigOverride(Set.class, override -> override.setMergeable(true)))
                .build();
    }

    /** Lets a snapshot through only when it has the aggregate's current shape and can be read. */
    static SnapshotFilter filter(Serializer serializer) {
        return data -> trusted(serializer, data);
    }

    private static boolean trusted(Serializer serializer, DomainEventData<?> data) {
        SerializedType type = data.getPayload().getType();
        try {
            Class<?> aggregate = serializer.classForType(type);
            if (aggregate == UnknownSerializedType.class) {
                log.info("Snapshot of {} ignored: {} no longer exists; replaying its events", data.getAggregateIdentifier(), type.getName());
                return false;
            }
            if (!Objects.equals(type.getRevision(), SHAPE.revisionOf(aggregate))) {
                log.info("Snapshot of {} ignored: {} changed shape since; replaying its events", data.getAggregateIdentifier(), type.getName());
                return false;
            }
            // a row that cannot be read must cost a replay, not fail the command
            serializer.deserialize(data.getPayload());
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Snapshot of {} ignored: unreadable ({}); replaying its events", data.getAggregateIdentifier(), e.toString());
            return false;
        }
    }

    private static final ShapeRevision SHAPE = new ShapeRevision();

    /** The shape of {@code type} as a short hash (see the class comment). */
    public static String shapeOf(Class<?> type) {
        return SHAPE.revisionOf(type);
    }

    private static final class ShapeRevision implements RevisionResolver {

        private final ClassValue<String> shapes = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> type) {
                StringBuilder text = new StringBuilder();
                Revision revision = type.getAnnotation(Revision.class);
                text.append("revision=").append(revision == null ? "" : revision.value()).append('\n');
                describe(type, text, new HashSet<>());
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
                    return HexFormat.of().formatHex(hash, 0, 8);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        @Override
        public String revisionOf(Class<?> payloadType) {
            return shapes.get(payloadType);
        }

        /** Fields (name and generic type) of {@code type} and its superclasses, and of MARC's types they use. */
        private static void describe(Class<?> type, StringBuilder text, Set<Class<?>> seen) {
            if (type == null || !seen.add(type) || !type.getName().startsWith("ro.marc.")) {
                return;
            }
            text.append(type.getName()).append('{');
            if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).forEach(constant -> text.append(constant).append(','));
                text.append("}\n");
                return;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                Field[] fields = c.getDeclaredFields();
                Arrays.sort(fields, Comparator.comparing(Field::getName));
                for (Field field : fields) {
                    if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                        continue;
                    }
                    text.append(field.getName()).append(':').append(field.getGenericType().getTypeName()).append(';');
                }
            }
            text.append("}\n");
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        describeType(field.getGenericType(), text, seen);
                    }
                }
            }
        }

        private static void describeType(Type type, StringBuilder text, Set<Class<?>> seen) {
            if (type instanceof Class<?> c) {
                describe(c.isArray() ? c.getComponentType() : c, text, seen);
            } else if (type instanceof ParameterizedType p) {
                describeType(p.getRawType(), text, seen);
                for (Type argument : p.getActualTypeArguments()) {
                    describeType(argument, text, seen);
                }
            }
        }
    }
}
