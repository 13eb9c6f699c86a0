package ro.marc.api.nomenclature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.nomenclature.command.DefineReferenceEntry;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.events.nomenclature.ReferenceList;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Every installation starts with the methodology's four impact dimensions (performance of
 * activities, schedule, budget, institutional image); central administrators may add or retire
 * dimensions later. Runs on an empty nomenclature (no domain, item or reference entry in the command-side
 * lookup), after the demo data (which defines the same four), so with demo data it does nothing. A step of
 * the start-up sequence, which runs under its cluster lock, so two nodes starting at once define them once
 * (one after the other); the ids are derived from the names
 * and creates are idempotent, so a start interrupted half-way is completed by the next.
 */
@Component
public class NomenclatureBootstrap {

    static final List<String> DEFAULT_IMPACT_DIMENSIONS =
            List.of("Performanța activităților", "Termene / întârzieri", "Buget", "Imaginea instituției");

    private static final Logger log = LoggerFactory.getLogger(NomenclatureBootstrap.class);

    private final NomenclatureCatalogue catalogue;
    private final CommandSender commands;
    public NomenclatureBootstrap(NomenclatureCatalogue catalogue, CommandSender commands) {
        this.catalogue = catalogue;
        this.commands = commands;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void defineImpactDimensionsIfEmpty() {
        // a nomenclature with entries was started by this bootstrap (perhaps half-way: then the remaining
        // dimensions are defined, the others are no-ops) or by the demo data (which holds the same four)
        boolean started = !catalogue.isEmpty();
        if (started && DEFAULT_IMPACT_DIMENSIONS.stream().map(NomenclatureBootstrap::id).noneMatch(
                id -> catalogue.entry(id).isPresent())) {
            return;
        }
        for (String name : DEFAULT_IMPACT_DIMENSIONS) {
            commands.sendAsSystem(new DefineReferenceEntry(id(name), ReferenceList.IMPACT_DIMENSION, name));
        }
        if (!started) {
            log.info("Default impact dimensions defined: {}", DEFAULT_IMPACT_DIMENSIONS);
        }
    }

    static UUID id(String dimension) {
        return UUID.nameUUIDFromBytes(("marc-impact-dimension:" + dimension).getBytes(StandardCharsets.UTF_8));
    }
}
