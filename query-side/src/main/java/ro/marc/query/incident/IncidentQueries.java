package ro.marc.query.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.incident.CategoryRecord;
import ro.marc.events.incident.IncidentDocumentKind;
import ro.marc.events.incident.IncidentType;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.org.County;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the incidents' read model (projection {@code incident-postgres}). Lists and counts filter by the caller's
 * {@link IncidentVisibility} inside the query; a text filter is answered by {@link IncidentSearch} first (the ids
 * whose title or content match), then narrowed here.
 * CONTRACT (issue 12): signatures fixed; bodies by the query-side helper.
 * <p>
 * The org scope is read at query time from the org tree's paths ({@code org_unit}, as every list filtered by reach
 * does); the approved vulnerable activities of work units from the nomenclature's read model (they are its fact,
 * read when asked, never copied); the recorder's name from the accounts' read model. An incident whose org unit the
 * org read model does not know yet is outside every org scope (fail closed).
 */
@Component
@ReadSnapshot
public class IncidentQueries {

    private static final TypeReference<List<CategoryRecord>> CATEGORIES = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = """
            i.id, i.title, i.county, i.org_unit_id, i.org_unit_name, i.type, i.incident_date, i.file_number,
            i.file_registered_on, i.content, i.archived, u.display_name AS recorded_by_name, i.version, i.created_at,
            i.updated_at""";
    private static final String FROM =
            " FROM incident i LEFT JOIN org_unit o ON o.id = i.org_unit_id LEFT JOIN app_user u ON u.id = i.recorded_by";

    private final JdbcClient jdbc;

    public IncidentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident (archived or not), with its live links and documents. */
    public Optional<IncidentView> incident(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = ?").params(id).query(IncidentQueries::row)
                .optional().map(row -> complete(List.of(row)).getFirst());
    }

    /** Whether the incident is visible: in an org unit of the scope, or linked to one of the activities. */
    public boolean visible(UUID incidentId, IncidentVisibility visibility) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", incidentId);
        String visible = visibility(visibility, params);
        return jdbc.sql("SELECT EXISTS (SELECT 1" + FROM + " WHERE i.id = :id AND " + visible + ")")
                .params(params).query(Boolean.class).single();
    }

    /**
     * One page of the incidents matching {@code filter} within {@code visibility}; {@code textMatches}: the ids the
     * text search found (null: no text filter).
     *
     * @throws ro.marc.query.common.InvalidCursor when {@code after} is not a cursor of this list and sort
     */
    public Page<IncidentView> incidents(IncidentFilter filter, IncidentVisibility visibility, Collection<UUID> textMatches,
                                        IncidentSort sort, int first, String after) {
        IncidentSort order = sort == null ? IncidentSort.byDefault() : sort;
        SortKey key = SortKey.of(order.field());
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, visibility, textMatches, params);
        if (after != null) {
            String[] parts = Cursor.decode(after, 3);
            if (!parts[0].equals(token(order))) {
                throw Cursor.invalid(after, "not a cursor of this list and sort");
            }
            Object afterKey = key.parse(after, parts[1]);
            UUID afterId = Cursor.uuid(after, parts[2]);
            if (where != null) {
                where.add("(" + key.expression + ", i.id) " + (order.descending() ? "<" : ">") + " (:afterKey, :afterId)");
                params.put("afterKey", afterKey);
                params.put("afterId", afterId);
            }
        }
        if (where == null || first <= 0) {
            return new Page<>(List.of(), List.of(), false);
        }
        String direction = order.descending() ? " DESC" : " ASC";
        params.put("limit", first + 1);
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", " + key.expression + " AS sort_key" + FROM + " WHERE "
                        + String.join(" AND ", where) + " ORDER BY " + key.expression + direction + ", i.id" + direction
                        + " LIMIT :limit")
                .params(params).query((rs, n) -> {
                    Row row = row(rs, n);
                    return row.withSortKey(key.text(rs));
                }).list();
        Page<Row> page = Page.of(rows, first, r -> Cursor.encode(token(order), r.sortKey(), r.id().toString()));
        return new Page<>(complete(page.items()), page.cursors(), page.hasNextPage()); // links and documents in one read
    }

    /** Counts of what {@link #incidents} pages through (same arguments). */
    public IncidentStatistics statistics(IncidentFilter filter, IncidentVisibility visibility, Collection<UUID> textMatches) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = where(filter, visibility, textMatches, params);
        Map<IncidentType, Integer> byType = new EnumMap<>(IncidentType.class);
        Map<County, Integer> byCounty = new EnumMap<>(County.class);
        if (where == null) {
            return new IncidentStatistics(0, byType, byCounty);
        }
        int[] total = {0};
        jdbc.sql("SELECT i.type, i.county, count(*) AS n" + FROM + " WHERE " + String.join(" AND ", where)
                        + " GROUP BY i.type, i.county")
                .params(params).query(rs -> {
                    int n = rs.getInt("n");
                    total[0] += n;
                    byType.merge(IncidentType.valueOf(rs.getString("type")), n, Integer::sum);
                    String county = rs.getString("county");
                    if (county != null) {
                        byCounty.merge(County.valueOf(county), n, Integer::sum);
                    }
                });
        return new IncidentStatistics(total[0], byType, byCounty);
    }

    /**
     * The approved vulnerable activities of these work units (an activity belongs to one or more work units), each
     * with its number of incidents ministry-wide (0 included), by domain and name.
     */
    public List<ActivityIncidentCount> countsByActivity(Collection<UUID> workUnitIds) {
        if (workUnitIds == null || workUnitIds.isEmpty()) {
            return List.of();
        }
        // an incident counts once per activity, however many of its live links name the activity; archived ones not
        return jdbc.sql("""
                        SELECT a.id, a.name, a.domain_id, d.name AS domain_name,
                               (SELECT count(DISTINCT l.incident_id) FROM incident_risk_link l
                                  JOIN incident i ON i.id = l.incident_id
                                 WHERE l.activity_id = a.id AND NOT i.archived) AS incidents
                          FROM nomenclature_item a LEFT JOIN nomenclature_domain d ON d.id = a.domain_id
                         WHERE a.kind = 'ACTIVITY' AND a.status = 'APPROVED'
                           AND EXISTS (SELECT 1 FROM nomenclature_item_work_unit w
                                        WHERE w.item_id = a.id AND w.work_unit_id = ANY(:workUnits))
                         ORDER BY d.name_folded NULLS LAST, d.id, a.name_folded, a.id""")
                .param("workUnits", workUnitIds.toArray(UUID[]::new))
                .query((rs, n) -> new ActivityIncidentCount(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("domain_id", UUID.class), rs.getString("domain_name"), rs.getInt("incidents")))
                .list();
    }

    /** The ids of the approved vulnerable activities of these work units (visibility of INCIDENT_READ_LINKED). */
    public Set<UUID> activitiesOf(Collection<UUID> workUnitIds) {
        if (workUnitIds == null || workUnitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT a.id FROM nomenclature_item a
                          JOIN nomenclature_item_work_unit w ON w.item_id = a.id
                         WHERE a.kind = 'ACTIVITY' AND a.status = 'APPROVED' AND w.work_unit_id = ANY(?)""")
                .param(workUnitIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** A live document (empty when unknown or removed). */
    public Optional<IncidentDocumentView> document(UUID documentId) {
        // document ids are unique across incidents (the command side refuses one used before)
        return jdbc.sql("""
                        SELECT d.*, i.org_unit_id FROM incident_document d JOIN incident i ON i.id = d.incident_id
                         WHERE d.document_id = ?""")
                .param(documentId).query(IncidentQueries::document).optional();
    }

    // ---------------------------------------------------------------- the list's conditions

    /** The list's conditions (null: nothing can match). */
    private static List<String> where(IncidentFilter filter, IncidentVisibility visibility, Collection<UUID> textMatches,
                                      Map<String, Object> params) {
        if (visibility == null || visibility.isEmpty() || (textMatches != null && textMatches.isEmpty())) {
            return null;
        }
        IncidentFilter f = filter == null ? IncidentFilter.none() : filter;
        List<String> where = new ArrayList<>();
        where.add(visibility(visibility, params));
        if (!f.includeArchived()) {
            where.add("NOT i.archived");
        }
        if (!f.counties().isEmpty()) {
            where.add("i.county IN (:counties)");
            params.put("counties", f.counties().stream().map(Enum::name).toList());
        }
        if (!f.orgUnitIds().isEmpty()) {
            where.add("i.org_unit_id IN (:orgUnits)");
            params.put("orgUnits", List.copyOf(f.orgUnitIds()));
        }
        if (!f.types().isEmpty()) {
            where.add("i.type IN (:types)");
            params.put("types", f.types().stream().map(Enum::name).toList());
        }
        if (f.from() != null) {
            where.add("i.incident_date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("i.incident_date <= :to");
            params.put("to", f.to());
        }
        linked(where, params, "work_unit_id", "workUnits", f.workUnitIds());
        linked(where, params, "domain_id", "domains", f.domainIds());
        linked(where, params, "activity_id", "activities", f.activityIds());
        linked(where, params, "risk_id", "risks", f.riskIds());
        if (textMatches != null) {
            where.add("i.id = ANY(:textMatches)");
            params.put("textMatches", textMatches.toArray(UUID[]::new));
        }
        return where;
    }

    /** The incident has a live link whose {@code column} is one of {@code ids}. */
    private static void linked(List<String> where, Map<String, Object> params, String column, String name,
                               Set<UUID> ids) {
        if (!ids.isEmpty()) {
            where.add("EXISTS (SELECT 1 FROM incident_risk_link l WHERE l.incident_id = i.id AND l." + column
                    + " IN (:" + name + "))");
            params.put(name, List.copyOf(ids));
        }
    }

    /** In an org unit of the scope (org_unit aliased o), or with a live link to one of the activities. */
    private static String visibility(IncidentVisibility visibility, Map<String, Object> params) {
        if (visibility.national()) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        if (!visibility.orgScope().isEmpty()) {
            any.add(visibility.orgScope().sql("o", params));
        }
        if (!visibility.activityIds().isEmpty()) {
            any.add("EXISTS (SELECT 1 FROM incident_risk_link vl WHERE vl.incident_id = i.id"
                    + " AND vl.activity_id IN (:visibleActivities))");
            params.put("visibleActivities", List.copyOf(visibility.activityIds()));
        }
        return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
    }

    // ---------------------------------------------------------------- sorting

    /** The cursor's first part: the list's order, so a cursor of another order is refused. */
    private static String token(IncidentSort sort) {
        return sort.field().name() + (sort.descending() ? ":desc" : ":asc");
    }

    /** A sort field's SQL expression (never null, so the keyset is total) and how its cursor part is read. */
    private enum SortKey {
        INCIDENT_DATE("COALESCE(i.incident_date, DATE '0001-01-01')", Kind.DATE),
        FILE_REGISTERED_ON("COALESCE(i.file_registered_on, DATE '0001-01-01')", Kind.DATE),
        TITLE("i.title_folded", Kind.TEXT),
        COUNTY("i.county_folded", Kind.TEXT),
        ORG_UNIT("i.org_unit_name_folded", Kind.TEXT),
        TYPE("i.type_rank", Kind.NUMBER),
        RECORDED_AT("i.created_at", Kind.INSTANT);

        enum Kind { DATE, TEXT, NUMBER, INSTANT }

        final String expression;
        final Kind kind;

        SortKey(String expression, Kind kind) {
            this.expression = expression;
            this.kind = kind;
        }

        static SortKey of(IncidentSort.Field field) {
            return valueOf(field.name());
        }

        /** The row's key as the cursor writes it. */
        String text(ResultSet rs) throws SQLException {
            return switch (kind) {
                case DATE -> rs.getObject("sort_key", LocalDate.class).toString();
                case TEXT -> rs.getString("sort_key");
                case NUMBER -> Integer.toString(rs.getInt("sort_key"));
                case INSTANT -> rs.getTimestamp("sort_key").toInstant().toString();
            };
        }

        /** The cursor's key, checked for its kind before it reaches the query. */
        Object parse(String cursor, String part) {
            return switch (kind) {
                case DATE -> {
                    try {
                        yield LocalDate.parse(part);
                    } catch (DateTimeParseException e) {
                        throw Cursor.invalid(cursor, "not a cursor of this list");
                    }
                }
                case TEXT -> part;
                case NUMBER -> Cursor.offset(cursor, part);
                case INSTANT -> Timestamp.from(Cursor.instant(cursor, part));
            };
        }
    }

    // ---------------------------------------------------------------- rows

    /** An incident row before its links and documents are read; {@code sortKey}: its cursor key in a list. */
    private record Row(UUID id, String title, County county, UUID orgUnitId, String orgUnitName, IncidentType type,
                       LocalDate incidentDate, String fileNumber, LocalDate fileRegisteredOn, String content,
                       boolean archived, String recordedByName, long version, Instant createdAt, Instant updatedAt,
                       String sortKey) {

        Row withSortKey(String key) {
            return new Row(id, title, county, orgUnitId, orgUnitName, type, incidentDate, fileNumber, fileRegisteredOn,
                    content, archived, recordedByName, version, createdAt, updatedAt, key);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String county = rs.getString("county");
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), county == null ? null : County.valueOf(county),
                rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                IncidentType.valueOf(rs.getString("type")), rs.getObject("incident_date", LocalDate.class),
                rs.getString("file_number"), rs.getObject("file_registered_on", LocalDate.class),
                rs.getString("content"), rs.getBoolean("archived"), rs.getString("recorded_by_name"),
                rs.getLong("version"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                null);
    }

    /** The rows as views, with their live links and documents (two statements for the whole page). */
    private List<IncidentView> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, List<RiskLink>> links = new HashMap<>();
        jdbc.sql("SELECT * FROM incident_risk_link WHERE incident_id = ANY(?) ORDER BY position, link_id").param(ids)
                .query(rs -> {
                    links.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new ArrayList<>()).add(link(rs));
                });
        Map<UUID, UUID> orgUnits = new HashMap<>();
        rows.forEach(r -> orgUnits.put(r.id(), r.orgUnitId()));
        Map<UUID, List<IncidentDocumentView>> documents = new HashMap<>();
        jdbc.sql("""
                        SELECT d.*, i.org_unit_id FROM incident_document d JOIN incident i ON i.id = d.incident_id
                         WHERE d.incident_id = ANY(?) ORDER BY d.position, d.document_id""").param(ids)
                .query(rs -> {
                    documents.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new ArrayList<>())
                            .add(document(rs, 0));
                });
        return rows.stream().map(r -> new IncidentView(r.id(), r.title(), r.county(), r.orgUnitId(), r.orgUnitName(),
                r.type(), r.incidentDate(), r.fileNumber(), r.fileRegisteredOn(), r.content(), r.archived(),
                links.getOrDefault(r.id(), List.of()), documents.getOrDefault(r.id(), List.of()), r.recordedByName(),
                r.version(), r.createdAt(), r.updatedAt())).toList();
    }

    private static RiskLink link(ResultSet rs) throws SQLException {
        return new RiskLink(rs.getObject("link_id", UUID.class), rs.getObject("org_unit_id", UUID.class),
                rs.getString("org_unit_name"), rs.getObject("work_unit_id", UUID.class), rs.getString("work_unit_name"),
                rs.getObject("domain_id", UUID.class), rs.getString("domain_name"),
                rs.getObject("activity_id", UUID.class), rs.getString("activity_name"),
                rs.getObject("risk_id", UUID.class), rs.getString("risk_name"),
                JSON.readValue(rs.getString("categories"), CATEGORIES));
    }

    private static IncidentDocumentView document(ResultSet rs, int n) throws SQLException {
        return new IncidentDocumentView(rs.getObject("document_id", UUID.class), rs.getObject("incident_id", UUID.class),
                rs.getObject("org_unit_id", UUID.class), IncidentDocumentKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("summary"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getString("sha256"), rs.getLong("size"), rs.getString("uploaded_by_name"),
                instant(rs.getTimestamp("uploaded_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
