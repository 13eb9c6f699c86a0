package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

public record EditRegulatoryCause(@TargetAggregateIdentifier UUID causeId, RegulatoryCauseDetails details, long expectedVersion,
                                  Actor editor) implements NomenclatureCommand {
}
