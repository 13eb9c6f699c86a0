package ro.marc.api.org;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.org.command.InitialiseOrganisation;
import ro.marc.events.org.OrganisationIds;

import java.util.UUID;

/** At first start, creates the organisation and its root "MARC" (level 0) through a command. */
@Component
@Order(0)
public class OrganisationBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationBootstrap.class);

    private final EventStore eventStore;
    private final CommandSender commands;

    public OrganisationBootstrap(EventStore eventStore, CommandSender commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(OrganisationIds.ORGANISATION_ID).isEmpty()) {
            try {
                commands.sendAsSystem(new InitialiseOrganisation(UUID.randomUUID(), "MARC"));
                log.info("Organisation initialised");
            } catch (AggregateStreamCreationException e) {
                log.info("Organisation initialised meanwhile by another MARC instance");
            }
        }
    }
}
