package ro.marc.events.nomenclature;

import java.util.UUID;

public record ProposalRejected(UUID itemId, ItemKind kind, String reason, long decidedVersion, String proposerUserId,
                               long version) {
}
