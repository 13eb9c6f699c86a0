package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/** "Edit and accept": the administrator's corrections (null = unchanged), then acceptance, in one step. */
public record AcceptProposalWithChanges(@TargetAggregateIdentifier UUID itemId, long decidedVersion, String name, String description,
                                        List<UUID> workUnitIds, Periodicity periodicity) implements NomenclatureCommand {
}
