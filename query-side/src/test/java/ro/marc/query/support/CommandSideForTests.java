package ro.marc.query.support;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real command side in memory, for projection tests: the given aggregates decide the commands
 * sent here, and every event they publish (with its real aggregate identifier and sequence number)
 * is handed at once to the projections under test, through Axon's {@link AnnotationEventHandlerAdapter}.
 * So projections are fed what the aggregates really write, not hand-made stand-ins.
 *
 * <p>Resources the command handlers take as parameters (a command-side lookup) are registered with
 * {@link Builder#resource}; tests give in-memory implementations of those interfaces.
 */
public final class CommandSideForTests {

    private final Configuration configuration;
    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private final List<DomainEventMessage<?>> published = new ArrayList<>();
    private String actingUserId = "system";

    private CommandSideForTests(Configuration configuration, List<Object> projections) {
        this.configuration = configuration;
        projections.forEach(p -> this.projections.add(new AnnotationEventHandlerAdapter(p)));
        configuration.eventBus().subscribe(this::deliver);
    }

    public static Builder with(Class<?>... aggregates) {
        return new Builder(List.of(aggregates));
    }

    public static final class Builder {
        private final Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                // as the application does: who acted is copied from the command onto its events
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider("userId", "role", "correlationId")));
        private final List<Object> projections = new ArrayList<>();

        private Builder(List<Class<?>> aggregates) {
            aggregates.forEach(configurer::configureAggregate);
        }

        /** A component command handlers receive as a parameter of type {@code type}. */
        public <T> Builder resource(Class<T> type, T instance) {
            configurer.registerComponent(type, c -> instance);
            return this;
        }

        public Builder projections(Object... projections) {
            this.projections.addAll(List.of(projections));
            return this;
        }

        public CommandSideForTests start() {
            Configuration configuration = configurer.buildConfiguration();
            configuration.start();
            return new CommandSideForTests(configuration, projections);
        }
    }

    /** The metadata {@code userId} of the commands sent from now on (and so of their events). */
    public CommandSideForTests actingAs(String userId) {
        this.actingUserId = userId;
        return this;
    }

    /** Sends a command as {@link #actingAs} and returns the handler's result (the entity version). */
    @SuppressWarnings("unchecked")
    public <R> R send(Object command) {
        return (R) configuration.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("userId", actingUserId, "role", "TEST", "correlationId", "test"))));
    }

    /** Every event published so far, oldest first. */
    public List<DomainEventMessage<?>> published() {
        return List.copyOf(published);
    }

    /** Hands every event published so far to the projections again (a replay). */
    public void replayAll() throws Exception {
        for (DomainEventMessage<?> event : published) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                projection.handle(event);
            }
        }
    }

    /** Hands the events published so far to the projections in an order of the test's choosing. */
    public void deliver(Function<List<DomainEventMessage<?>>, List<DomainEventMessage<?>>> order) throws Exception {
        for (DomainEventMessage<?> event : order.apply(published())) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                projection.handle(event);
            }
        }
    }

    private void deliver(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            published.add(domain);
            for (AnnotationEventHandlerAdapter projection : projections) {
                try {
                    projection.handle(domain);
                } catch (Exception e) {
                    throw new IllegalStateException("projection failed on " + event.getPayloadType().getSimpleName(), e);
                }
            }
        }
    }

    public void shutdown() {
        configuration.shutdown();
    }
}
