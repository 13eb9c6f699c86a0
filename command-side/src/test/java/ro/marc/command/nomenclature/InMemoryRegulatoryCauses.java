package ro.marc.command.nomenclature;

import org.axonframework.eventhandling.EventHandler;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.nomenclature.event.RegulatoryCauseAdded;
import ro.marc.events.nomenclature.event.RegulatoryCauseDeactivated;
import ro.marc.events.nomenclature.event.RegulatoryCauseEdited;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RegulatoryCauses} in memory, for aggregate tests: the causes given as their events ({@link #given}), the
 * way {@link RegulatoryCauseLookup} applies them; the act type is named by {@code catalogue} when one is given.
 */
public class InMemoryRegulatoryCauses implements RegulatoryCauses {

    private final Map<UUID, RegulatoryCauseDetails> causes = new LinkedHashMap<>();
    private final Map<UUID, Boolean> active = new LinkedHashMap<>();
    private final NomenclatureCatalogue catalogue;

    public InMemoryRegulatoryCauses(NomenclatureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public InMemoryRegulatoryCauses given(Object... events) {
        for (Object event : events) {
            apply(event);
        }
        return this;
    }

    @EventHandler
    public void on(Object event) {
        apply(event);
    }

    public void apply(Object event) {
        switch (event) {
            case RegulatoryCauseAdded e -> {
                causes.putIfAbsent(e.causeId(), e.details());
                active.putIfAbsent(e.causeId(), true);
            }
            case RegulatoryCauseEdited e -> causes.replace(e.causeId(), e.details());
            case RegulatoryCauseDeactivated e -> active.replace(e.causeId(), false);
            default -> {
            }
        }
    }

    @Override
    public Optional<CauseFact> cause(UUID causeId) {
        RegulatoryCauseDetails d = causeId == null ? null : causes.get(causeId);
        if (d == null) {
            return Optional.empty();
        }
        String actType = catalogue == null ? null
                : catalogue.entry(d.actTypeId()).map(NomenclatureCatalogue.Entry::name).orElse(null);
        return Optional.of(new CauseFact(causeId, d.workUnitId(), d.activityId(),
                RegulatoryCauseLookup.label(actType, d.actNumber(), d.yearInForce(), d.articleNumber()), active.get(causeId)));
    }
}
