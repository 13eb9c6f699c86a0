package ro.marc.query.org;

import java.util.List;

/**
 * Narrowing of a search. Null means "no restriction". Filters that only org units have
 * (county, subtree, work unit, level) leave work units out of the results.
 *
 * @param kinds          ORG_UNIT and/or WORK_UNIT
 * @param county         two-letter county code
 * @param withinOrgUnit  only this org unit's subtree (the unit itself included)
 * @param workUnitId     only org units holding this work unit
 * @param includeInactive also deactivated org units and retired work units
 */
public record SearchFilters(List<String> kinds, String county, String withinOrgUnit, String workUnitId,
                            Integer level, boolean includeInactive) {

    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null, null, false);
    }
}
