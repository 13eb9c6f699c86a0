package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ProposalRejected")
@Revision("2")
public record ProposalRejected(UUID itemId, ItemKind kind, String reason, long decidedVersion, String proposerUserId) {
}
