package ro.marc.api.projection;

import ro.marc.query.access.AccessReadModelProjection;
import ro.marc.query.document.CampaignDocumentsProjection;
import ro.marc.query.nomenclature.NomenclatureReadModelProjection;
import ro.marc.query.notification.NotificationProjection;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.nomenclature.NomenclatureSearchProjection;
import ro.marc.query.org.OrgSearchProjection;

import java.util.List;

/** MARC's projection processing groups (README, Operations). */
public final class ProjectionGroups {

    public static final List<String> ALL = List.of(OrgReadModelProjection.PROCESSING_GROUP,
            OrgSearchProjection.PROCESSING_GROUP, AccessReadModelProjection.PROCESSING_GROUP,
            NomenclatureReadModelProjection.PROCESSING_GROUP, NomenclatureSearchProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP, CampaignDocumentsProjection.PROCESSING_GROUP);

    private ProjectionGroups() {
    }

    public static boolean isKnown(String group) {
        return ALL.contains(group);
    }
}
