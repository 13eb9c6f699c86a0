package ro.marc.api.eventstore;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import ro.marc.events.EventName;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every event type of MARC's published language ({@code ro.marc.events..}) by its pinned stored name
 * ({@link EventName}). Built once from the classpath; two classes claiming one name, or an event
 * record without a name, stop the application at start-up.
 */
public final class EventCatalogue {

    private static final String EVENTS_PACKAGE = "ro.marc.events";

    private final SortedMap<String, Class<?>> classesByName;
    private final Map<Class<?>, String> namesByClass;

    private EventCatalogue(SortedMap<String, Class<?>> classesByName) {
        this.classesByName = Collections.unmodifiableSortedMap(classesByName);
        Map<Class<?>, String> names = new HashMap<>();
        classesByName.forEach((name, type) -> names.put(type, name));
        this.namesByClass = Map.copyOf(names);
    }

    /** Scans {@code ro.marc.events} for classes annotated {@link EventName}. */
    public static EventCatalogue scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        SortedMap<String, Class<?>> found = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName(), false, EventCatalogue.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            String name = type.getAnnotation(EventName.class).value();
            Class<?> previous = found.put(name, type);
            if (previous != null) {
                throw new IllegalStateException("Two event classes are stored as '" + name + "': "
                        + previous.getName() + " and " + type.getName());
            }
        }
        return new EventCatalogue(found);
    }

    /** The pinned name of an event class, or null for anything else (metadata, tokens, ...). */
    public String nameOf(Class<?> type) {
        return namesByClass.get(type);
    }

    /** The event class stored under {@code name}, or null when no event has that name. */
    public Class<?> classOf(String name) {
        return classesByName.get(name);
    }

    /** Every pinned name, sorted, with its class. */
    public SortedMap<String, Class<?>> all() {
        return classesByName;
    }
}
