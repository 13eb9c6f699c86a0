package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/**
 * A central administrator corrected an approved entry (UCA 8, 14): renamed it, changed its description,
 * its work units (activities) or its periodicity (documents). The entry as it now stands (all fields),
 * with its name before the correction and its proposer (who is told).
 */
@EventName("nomenclature.ApprovedItemCorrected")
public record ApprovedItemCorrected(UUID itemId, ItemKind kind, String name, String description, List<UUID> workUnitIds,
                                    Periodicity periodicity, String previousName, String proposerUserId) {
}
