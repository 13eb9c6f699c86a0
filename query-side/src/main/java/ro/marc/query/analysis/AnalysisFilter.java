package ro.marc.query.analysis;

import java.util.UUID;

/** Which analyses to list; null fields do not filter. {@code text}: activity and task names, diacritics folded. */
public record AnalysisFilter(UUID planId, UUID orgUnitId, UUID workUnitId, UUID memberUserId, String status, String text) {

    public static AnalysisFilter none() {
        return new AnalysisFilter(null, null, null, null, null, null);
    }
}
