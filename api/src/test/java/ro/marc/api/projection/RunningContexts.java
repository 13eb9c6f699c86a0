package ro.marc.api.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: every application context started in this test JVM. They share one database and
 * its processor tokens, like several application nodes do, so a test that must know which "node"
 * processes a group can pause the group on the others ({@link #pause}): a group shut down in one
 * context only is taken over by the same group of the other running contexts.
 */
@Component
public class RunningContexts implements ApplicationContextAware {

    static final Set<ApplicationContext> ALL = ConcurrentHashMap.newKeySet();

    @Override
    public void setApplicationContext(ApplicationContext context) {
        ALL.add(context);
    }

    /**
     * Shuts the processor of {@code group} down in every running (root) application context of this
     * JVM but {@code except}; closing the answer starts again those that were running. Use it in
     * try-with-resources, so that later test classes find the group running.
     */
    public static Paused pause(String group, ApplicationContext... except) {
        Set<ApplicationContext> skipped = Set.of(except);
        List<EventProcessor> paused = new ArrayList<>();
        try {
            for (ApplicationContext context : ALL) {
                if (!skipped.contains(context) && context.getParent() == null
                        && context instanceof ConfigurableApplicationContext running && running.isActive() && running.isRunning()) {
                    context.getBean(EventProcessingConfiguration.class).eventProcessor(group)
                            .filter(EventProcessor::isRunning).ifPresent(processor -> {
                                processor.shutDown();
                                paused.add(processor);
                            });
                }
            }
        } catch (RuntimeException e) {
            paused.forEach(EventProcessor::start);
            throw e;
        }
        return new Paused(List.copyOf(paused));
    }

    /** The processors {@link #pause} shut down; {@link #close} starts them again. */
    public record Paused(List<EventProcessor> processors) implements AutoCloseable {

        @Override
        public void close() {
            RuntimeException failure = null;
            for (EventProcessor processor : processors) {
                try {
                    processor.start();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
