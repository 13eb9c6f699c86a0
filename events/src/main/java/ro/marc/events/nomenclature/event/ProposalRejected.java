package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.ProposalRejected")
public record ProposalRejected(UUID itemId, ItemKind kind, String reason, long decidedVersion, String proposerUserId,
                               long version) {
}
