package ro.marc.api.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to run with an in-memory token store: projections would silently re-run from scratch
 * after every restart (or, worse, skip work across nodes). Fails start-up instead.
 */
@Component
public class TokenStoreGuard {

    private final EventProcessingConfiguration processing;

    public TokenStoreGuard(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void verify() {
        processing.eventProcessors().keySet().forEach(this::verify);
    }

    void verify(String processorName) {
        if (processing.tokenStore(processorName) instanceof InMemoryTokenStore) {
            throw new IllegalStateException("Event processor '" + processorName
                    + "' uses an in-memory token store; MARC requires the JDBC token store");
        }
    }
}
