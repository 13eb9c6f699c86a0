package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/** The proposal as it now stands (all fields, not only the changed ones). {@code byAdministrator}: an "edit and accept". */
@EventName("nomenclature.ProposalRevised")
@Revision("2")
public record ProposalRevised(UUID itemId, ItemKind kind, String name, String description, List<UUID> workUnitIds,
                              Periodicity periodicity, boolean byAdministrator) {
}
