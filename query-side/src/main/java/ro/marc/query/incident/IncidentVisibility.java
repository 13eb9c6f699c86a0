package ro.marc.query.incident;

import ro.marc.query.common.OrgScope;

import java.util.Set;
import java.util.UUID;

/**
 * Which incidents a caller sees: those that happened in an org unit of {@code orgScope} (INCIDENT_READ), and those
 * with a live risk link to one of {@code activityIds} wherever they happened (INCIDENT_READ_LINKED: the activities
 * of the work units the caller covers). Lists and counts filter by it inside the query.
 */
public record IncidentVisibility(OrgScope orgScope, Set<UUID> activityIds) {

    public IncidentVisibility {
        activityIds = Set.copyOf(activityIds);
    }

    public boolean national() {
        return orgScope.national();
    }

    public boolean isEmpty() {
        return orgScope.isEmpty() && activityIds.isEmpty();
    }

    public static IncidentVisibility everything() {
        return new IncidentVisibility(OrgScope.everything(), Set.of());
    }
}
