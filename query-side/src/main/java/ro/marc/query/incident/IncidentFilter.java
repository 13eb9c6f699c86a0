package ro.marc.query.incident;

import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The list's filters (§4.1, I01); every set empty or null means "any", several values mean "any of them".
 * {@code from}/{@code to}: the incident date, inclusive. The work-unit, domain, activity and risk filters match
 * an incident through any of its live risk links. Archived incidents only with {@code includeArchived}.
 * {@code text} is answered by {@link IncidentSearch} (title and content, diacritics folded).
 */
public record IncidentFilter(String text, Set<County> counties, Set<UUID> orgUnitIds, Set<IncidentType> types,
                             LocalDate from, LocalDate to, Set<UUID> workUnitIds, Set<UUID> domainIds,
                             Set<UUID> activityIds, Set<UUID> riskIds, boolean includeArchived) {

    public IncidentFilter {
        counties = counties == null ? Set.of() : Set.copyOf(counties);
        orgUnitIds = orgUnitIds == null ? Set.of() : Set.copyOf(orgUnitIds);
        types = types == null ? Set.of() : Set.copyOf(types);
        workUnitIds = workUnitIds == null ? Set.of() : Set.copyOf(workUnitIds);
        domainIds = domainIds == null ? Set.of() : Set.copyOf(domainIds);
        activityIds = activityIds == null ? Set.of() : Set.copyOf(activityIds);
        riskIds = riskIds == null ? Set.of() : Set.copyOf(riskIds);
    }

    public static IncidentFilter none() {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, false);
    }
}
