package ro.marc.api.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Axon's Jackson 3 serializer, storing events under their pinned names ({@link ro.marc.events.EventName})
 * instead of their Java class names, and reading those names back to today's classes. So an IDE rename
 * or a package move changes nothing in the event store; names stored by the first release (class
 * names) are mapped by {@link Release20261201Upcasters} before they get here. Types that are not
 * events (tokens, metadata, dead-letter diagnostics) keep Axon's class-name behaviour.
 */
public class PinnedNameSerializer extends Jackson3Serializer {

    private final EventCatalogue catalogue;

    public PinnedNameSerializer(Builder builder, EventCatalogue catalogue) {
        super(builder);
        this.catalogue = catalogue;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        String name = type == null ? null : catalogue.nameOf(type);
        return name == null ? super.typeForClass(type) : new SimpleSerializedType(name, getRevisionResolver().revisionOf(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        Class<?> type = catalogue.classOf(serializedType.getName());
        return type == null ? super.resolveClassName(serializedType) : type.getName();
    }
}
