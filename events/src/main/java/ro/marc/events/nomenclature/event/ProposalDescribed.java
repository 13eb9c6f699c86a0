package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.ItemKind;

import java.util.UUID;

/**
 * The text a task's or a document's proposal came with (spec §3.1 b, c): a task's description, a
 * document's content. Appended right after {@link TaskProposed} or {@link DocumentProposed} when the
 * proposal has a text, so those released events keep their shape; later changes of the text are
 * {@link ProposalRevised} and {@link ApprovedItemCorrected} ({@code description}).
 */
@EventName("nomenclature.ProposalDescribed")
public record ProposalDescribed(UUID itemId, ItemKind kind, String description) {
}
