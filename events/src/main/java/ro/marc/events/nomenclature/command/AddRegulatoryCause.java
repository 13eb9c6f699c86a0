package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** Added without approval (central administrators are notified); visible to everyone on the work unit. */
public record AddRegulatoryCause(@TargetAggregateIdentifier UUID causeId, RegulatoryCauseDetails details, Actor author) implements NomenclatureCommand {
}
