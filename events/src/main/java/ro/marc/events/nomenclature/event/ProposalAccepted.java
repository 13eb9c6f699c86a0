package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

/** {@code decidedVersion}: the version of the proposal the decision was made on. */
@EventName("nomenclature.ProposalAccepted")
@Revision("2")
public record ProposalAccepted(UUID itemId, ItemKind kind, long decidedVersion, String proposerUserId) {
}
