package ro.marc.events.nomenclature;

import java.util.UUID;

/** {@code decidedVersion}: the version of the proposal the decision was made on. */
public record ProposalAccepted(UUID itemId, ItemKind kind, long decidedVersion, String proposerUserId, long version) {
}
