package ro.marc.command.nomenclature;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;
import ro.marc.events.nomenclature.NomenclatureIds;

/** Every nomenclature command goes to the one nomenclature stream (see {@link Nomenclature}). */
@Component("nomenclatureTargetResolver")
public class NomenclatureTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(NomenclatureIds.NOMENCLATURE_ID, (Long) null);
    }
}
