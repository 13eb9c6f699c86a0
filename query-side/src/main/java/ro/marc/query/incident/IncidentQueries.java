package ro.marc.query.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.Page;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the incidents' read model (projection {@code incident-postgres}). Lists and counts filter by the caller's
 * {@link IncidentVisibility} inside the query; a text filter is answered by {@link IncidentSearch} first (the ids
 * whose title or content match), then narrowed here.
 * CONTRACT (issue 12): signatures fixed; bodies by the query-side helper.
 */
@Component
public class IncidentQueries {

    private final JdbcClient jdbc;

    public IncidentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident (archived or not), with its live links and documents. */
    public Optional<IncidentView> incident(UUID id) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /** Whether the incident is visible: in an org unit of the scope, or linked to one of the activities. */
    public boolean visible(UUID incidentId, IncidentVisibility visibility) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /**
     * One page of the incidents matching {@code filter} within {@code visibility}; {@code textMatches}: the ids the
     * text search found (null: no text filter).
     *
     * @throws ro.marc.query.common.InvalidCursor when {@code after} is not a cursor of this list and sort
     */
    public Page<IncidentView> incidents(IncidentFilter filter, IncidentVisibility visibility, Collection<UUID> textMatches,
                                        IncidentSort sort, int first, String after) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /** Counts of what {@link #incidents} pages through (same arguments). */
    public IncidentStatistics statistics(IncidentFilter filter, IncidentVisibility visibility, Collection<UUID> textMatches) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /**
     * The approved vulnerable activities of these work units (an activity belongs to one or more work units), each
     * with its number of incidents ministry-wide (0 included), by domain and name.
     */
    public List<ActivityIncidentCount> countsByActivity(Collection<UUID> workUnitIds) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /** The ids of the approved vulnerable activities of these work units (visibility of INCIDENT_READ_LINKED). */
    public Set<UUID> activitiesOf(Collection<UUID> workUnitIds) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }

    /** A live document (empty when unknown or removed). */
    public Optional<IncidentDocumentView> document(UUID documentId) {
        throw new UnsupportedOperationException("issue 12: query-side helper");
    }
}
