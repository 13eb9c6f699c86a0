package ro.marc.events.nomenclature;

/**
 * PROPOSED: visible to its proposer and the administrators, already usable under it (a proposed
 * activity can receive proposed tasks). APPROVED: part of the national nomenclature. REJECTED: with
 * a reason, final. INACTIVE: hidden from new selections, kept where already used.
 */
public enum ItemStatus {
    PROPOSED, APPROVED, REJECTED, INACTIVE
}
