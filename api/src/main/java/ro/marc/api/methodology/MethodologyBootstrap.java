package ro.marc.api.methodology;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.command.PublishMethodologyVersion;

/**
 * Every installation evaluates risks with the default methodology ({@link MethodologyContent#defaults()}: the
 * tables of docs/domain.md) until a central administrator publishes another. A step of the start-up sequence, in
 * every profile, before anything can evaluate a risk: when the methodology has no version yet, version 1 is
 * published as MARC itself; once it has one, nothing is done. Two nodes starting at once publish it once: the
 * sequence's cluster lock orders them, and a second try (expectedVersion 0) is refused and then found done.
 */
@Component
public class MethodologyBootstrap {

    static final String NOTE = "Metodologia implicită (Anexele 6–9), publicată de MARC la prima pornire";

    private static final Logger log = LoggerFactory.getLogger(MethodologyBootstrap.class);

    private final EventStore eventStore;
    private final CommandSender commands;

    public MethodologyBootstrap(EventStore eventStore, CommandSender commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void publishDefaultsIfMissing() {
        if (published()) {
            return;
        }
        commands.sendAsSystemOnce(new PublishMethodologyVersion(MethodologyIds.METHODOLOGY, MethodologyContent.defaults(),
                NOTE, 0), this::published);
        log.info("Methodology version 1 (the defaults, Anexa 6–9) published");
    }

    private boolean published() {
        return eventStore.lastSequenceNumberFor(MethodologyIds.METHODOLOGY.toString()).isPresent();
    }
}
