package ro.marc.query.common;

import java.util.*;

/**
 * The org units a caller may see or act on: everything, or the union of whole counties, whole
 * subtrees (by materialised path, {@code /<root>/.../<id>/}) and single units. Built per request
 * from the caller's roles; read queries and searches filter by it inside the database or index
 * query, so paging and counts never include what the caller may not see.
 */
public record OrgScope(boolean national, Set<String> counties, Set<String> subtreePaths, Set<UUID> units) {

    public OrgScope {
        counties = Set.copyOf(counties);
        subtreePaths = Set.copyOf(subtreePaths);
        units = Set.copyOf(units);
    }

    public static OrgScope everything() {
        return new OrgScope(true, Set.of(), Set.of(), Set.of());
    }

    public static OrgScope nothing() {
        return new OrgScope(false, Set.of(), Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return !national && counties.isEmpty() && subtreePaths.isEmpty() && units.isEmpty();
    }

    public OrgScope union(OrgScope other) {
        if (national || other.national) {
            return everything();
        }
        return new OrgScope(false, merge(counties, other.counties), merge(subtreePaths, other.subtreePaths),
                merge(units, other.units));
    }

    /** Whether an org unit (its id, county code or null, and path) is inside the scope. */
    public boolean contains(UUID id, String county, String path) {
        return national
                || (county != null && counties.contains(county))
                || units.contains(id)
                || (path != null && subtreePaths.stream().anyMatch(path::startsWith));
    }

    /**
     * A SQL predicate over the {@code org_unit} row aliased {@code alias} ({@code TRUE} for national
     * scope, {@code FALSE} for none), with positional {@code ?} parameters appended to {@code params}.
     */
    public String sql(String alias, List<Object> params) {
        if (national) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        if (!counties.isEmpty()) {
            any.add(alias + ".county = ANY(?)");
            params.add(counties.toArray(String[]::new));
        }
        if (!units.isEmpty()) {
            any.add(alias + ".id = ANY(?)");
            params.add(units.toArray(UUID[]::new));
        }
        for (String path : subtreePaths) {
            any.add(alias + ".path LIKE ?");
            params.add(Sql.likePrefix(path));
        }
        return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
    }

    /**
     * Like {@link #sql(String, List)}, with named parameters ({@code :scopeCounties}, ...) put into
     * {@code params}, for queries written with named parameters.
     */
    public String sql(String alias, Map<String, Object> params) {
        if (national) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        if (!counties.isEmpty()) {
            any.add(alias + ".county IN (:scopeCounties)");
            params.put("scopeCounties", List.copyOf(counties));
        }
        if (!units.isEmpty()) {
            any.add(alias + ".id IN (:scopeUnits)");
            params.put("scopeUnits", List.copyOf(units));
        }
        int i = 0;
        for (String path : subtreePaths) {
            any.add(alias + ".path LIKE :scopePath" + i);
            params.put("scopePath" + i++, Sql.likePrefix(path));
        }
        return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
    }

    private static <T> Set<T> merge(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
