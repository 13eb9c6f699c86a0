package ro.marc.command.methodology;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.event.MethodologyVersionPublished;

import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link Methodologies} in memory, for aggregate tests: the versions published are given as their events
 * ({@link #given}) or, shorter, as content ({@link #publish}), the way {@code MethodologyLookup} applies them.
 * Empty, it answers "no methodology yet" (before the first start published version 1).
 */
public class InMemoryMethodologies implements Methodologies {

    private final TreeMap<Integer, MethodologyVersion> versions = new TreeMap<>();

    /** Version 1 published: the defaults (what every first start publishes). */
    public static InMemoryMethodologies withDefaults() {
        return new InMemoryMethodologies().publish(MethodologyContent.defaults());
    }

    /** Applies methodology events that happened elsewhere. */
    public InMemoryMethodologies given(Object... events) {
        for (Object event : events) {
            apply(event);
        }
        return this;
    }

    /** Publishes {@code content} as the next version. */
    public InMemoryMethodologies publish(MethodologyContent content) {
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        versions.put(next, new MethodologyVersion(next, content));
        return this;
    }

    @EventHandler
    public void on(Object event) {
        apply(event);
    }

    public void apply(Object event) {
        if (event instanceof MethodologyVersionPublished e) {
            versions.put(e.version(), new MethodologyVersion(e.version(), e.content()));
        }
    }

    @Override
    public Optional<MethodologyVersion> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public Optional<MethodologyVersion> version(int version) {
        return Optional.ofNullable(versions.get(version));
    }
}
