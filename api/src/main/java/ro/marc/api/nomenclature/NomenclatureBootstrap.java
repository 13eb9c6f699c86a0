package ro.marc.api.nomenclature;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.nomenclature.DefineReferenceEntry;
import ro.marc.events.nomenclature.NomenclatureIds;
import ro.marc.events.nomenclature.ReferenceEntryDefined;
import ro.marc.events.nomenclature.ReferenceList;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Every installation starts with the methodology's four impact dimensions (performance of
 * activities, schedule, budget, institutional image); central administrators may add or retire
 * dimensions later. Runs after the demo data, which defines the same four, so it then does nothing.
 */
@Component
@Order(5)
public class NomenclatureBootstrap implements ApplicationRunner {

    static final List<String> DEFAULT_IMPACT_DIMENSIONS =
            List.of("Performanța activităților", "Termene / întârzieri", "Buget", "Imaginea instituției");

    private static final Logger log = LoggerFactory.getLogger(NomenclatureBootstrap.class);

    private final EventStore eventStore;
    private final CommandSender commands;

    public NomenclatureBootstrap(EventStore eventStore, CommandSender commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean defined = eventStore.lastSequenceNumberFor(NomenclatureIds.NOMENCLATURE_ID).isPresent()
                && eventStore.readEvents(NomenclatureIds.NOMENCLATURE_ID).asStream().map(Message::getPayload)
                .anyMatch(e -> e instanceof ReferenceEntryDefined d && d.list() == ReferenceList.IMPACT_DIMENSION);
        if (defined) {
            return;
        }
        for (String name : DEFAULT_IMPACT_DIMENSIONS) {
            UUID id = UUID.nameUUIDFromBytes(("marc-impact-dimension:" + name).getBytes(StandardCharsets.UTF_8));
            commands.sendAsSystem(new DefineReferenceEntry(id, ReferenceList.IMPACT_DIMENSION, name));
        }
        log.info("Default impact dimensions defined: {}", DEFAULT_IMPACT_DIMENSIONS);
    }
}
