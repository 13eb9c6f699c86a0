package ro.marc.query.assessment;

import java.util.List;
import java.util.UUID;

/** Full-text search of the assessments (index {@code <prefix>-assessments}, diacritics folded). */
public class AssessmentSearch {

    /** The ids of the assessments whose texts match {@code text} (at most a few thousand, best first). */
    public List<UUID> matching(String text) {
        throw new UnsupportedOperationException("H3");
    }
}
