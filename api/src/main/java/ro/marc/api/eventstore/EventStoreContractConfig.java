package ro.marc.api.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event stream as a contract: events are written under their pinned names
 * ({@link PinnedNameSerializer}) and everything older is read through the upcaster chain. Axon's own
 * {@code eventSerializer} backs off when this one exists; the event storage engine and the dead-letter
 * queues use it.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreContractConfig {

    @Bean
    EventCatalogue eventCatalogue() {
        return EventCatalogue.scan();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(EventCatalogue catalogue, RevisionResolver revisionResolver,
                               ObjectProvider<Jackson3SerializerCustomizer> customizers) {
        Jackson3Serializer.Builder builder = Jackson3Serializer.builder().revisionResolver(revisionResolver);
        customizers.orderedStream().reduce((a, b) -> mapper -> {
            a.accept(mapper);
            b.accept(mapper);
        }).ifPresent(builder::jsonMapperBuilderCustomizer);
        return new PinnedNameSerializer(builder, catalogue);
    }

    /** Every upcaster, oldest release first. */
    @Bean
    EventUpcasterChain eventUpcasterChain() {
        return new EventUpcasterChain(Release20261201Upcasters.all());
    }
}
