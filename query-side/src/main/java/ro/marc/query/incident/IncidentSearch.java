package ro.marc.query.incident;

import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the incidents' index (projection {@code incident-elasticsearch}, index
 * {@code marc-incidents}): title and content, diacritics folded, archived ones included (the list filters).
 * CONTRACT (issue 12): signature fixed; implemented by the search helper as a @Component class of this name.
 */
public interface IncidentSearch {

    /** The ids of the incidents whose title or content match every word of {@code text} (at most 10,000). */
    List<UUID> matching(String text);
}
