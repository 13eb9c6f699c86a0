package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/** The proposal as it now stands (all fields, not only the changed ones). {@code byAdministrator}: an "edit and accept". */
@EventName("nomenclature.ProposalRevised")
public record ProposalRevised(UUID itemId, ItemKind kind, String name, String description, List<UUID> workUnitIds,
                              Periodicity periodicity, boolean byAdministrator, long version) {
}
