package ro.marc.events.analysis;

import java.util.List;
import java.util.UUID;

/**
 * A collaboration relation of an activity (Anexa 3, c): the structure or unit it sends to or receives
 * from — internal (an org unit of the ministry, {@code partnerOrgUnitId}) or external (an entry of the
 * EXTERNAL_PARTNER reference list, {@code partnerEntryId}) —, the nature of the relation, its legal
 * framework, the materials and technical means used (entries of the MATERIAL_MEANS list).
 */
public record CollaborationRelation(Direction direction, UUID partnerOrgUnitId, UUID partnerEntryId, String nature,
                                    String legalFramework, List<UUID> materialMeansIds) {

    public CollaborationRelation {
        materialMeansIds = materialMeansIds == null ? List.of() : List.copyOf(materialMeansIds);
    }

    public boolean internal() {
        return partnerOrgUnitId != null;
    }

    public enum Direction {
        /** The activity sends documents or requests to the partner. */
        SENDS_TO,
        /** The activity receives documents or requests from the partner. */
        RECEIVES_FROM
    }
}
