package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.Periodicity;

import java.util.List;
import java.util.UUID;

/**
 * A central administrator corrects an approved entry (UCA 8, 14) instead of deactivating and adding it
 * again: null fields stay as they are; {@code workUnitIds} only for activities, {@code periodicity} only
 * for documents.
 */
public record CorrectApprovedItem(@TargetAggregateIdentifier UUID itemId, String name, String description,
                                  List<UUID> workUnitIds, Periodicity periodicity, long expectedVersion)
        implements NomenclatureCommand {
}
