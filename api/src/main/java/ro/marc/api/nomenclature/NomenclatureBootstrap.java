package ro.marc.api.nomenclature;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.nomenclature.command.DefineReferenceEntry;
import ro.marc.events.nomenclature.NomenclatureIds;
import ro.marc.events.nomenclature.ReferenceList;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Every installation starts with the methodology's four impact dimensions (performance of
 * activities, schedule, budget, institutional image); central administrators may add or retire
 * dimensions later. Runs once, on an empty nomenclature, after the demo data (which defines the same
 * four), so with demo data it does nothing.
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
        // a nomenclature that exists was started by this bootstrap or by the demo data (which holds the
        // same four): one index lookup instead of reading the whole stream at every start
        if (eventStore.lastSequenceNumberFor(NomenclatureIds.NOMENCLATURE_ID).isPresent()) {
            return;
        }
        for (String name : DEFAULT_IMPACT_DIMENSIONS) {
            UUID id = UUID.nameUUIDFromBytes(("marc-impact-dimension:" + name).getBytes(StandardCharsets.UTF_8));
            commands.sendAsSystem(new DefineReferenceEntry(id, ReferenceList.IMPACT_DIMENSION, name));
        }
        log.info("Default impact dimensions defined: {}", DEFAULT_IMPACT_DIMENSIONS);
    }
}
