package ro.marc.api.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Reads of the access audit for auditors and central administrators: newest first, keyset
 * pagination on (at, id), filtered by user, organisation, operation, outcome and period; the
 * archive only when asked for.
 */
@Component
@ReadSnapshot
public class AccessAuditQueries {

    /** One audit entry as read back; {@code archived} when it comes from the archive. */
    public record AccessAuditView(long id, Instant at, UUID userId, String issuer, String subject, List<String> roles,
                                  UUID callerOrgUnitId, String operationType, List<String> operations,
                                  String operationName, List<UUID> objects, List<UUID> orgUnits, Outcome outcome,
                                  List<String> errorCodes, List<String> denials, String correlationId,
                                  String clientAddress, int durationMs, boolean archived,
                                  String clientCorrelationId, String command, String aggregateId) {
    }

    /**
     * @param orgUnitId       entries whose caller belongs to this org unit or that touched it
     * @param includeSubUnits with {@code orgUnitId}: also the org units below it (the read model's subtree)
     * @param operation       an exact top-level field name, e.g. createOrgUnit
     * @param from            inclusive, or null
     * @param to              exclusive, or null
     */
    public record Filter(UUID userId, UUID orgUnitId, boolean includeSubUnits, String operation, Instant from,
                         Instant to, Outcome outcome, boolean includeArchived) {

        public static Filter none() {
            return new Filter(null, null, true, null, null, null, null, false);
        }
    }

    private static final String COLUMNS = """
            id, at, user_id, issuer, subject, roles, caller_org_unit_id, operation_type, operations, operation_name,
            objects, org_units, outcome, error_codes, denials, correlation_id, client_address, duration_ms,
            client_correlation_id, command, aggregate_id""";

    private final JdbcClient jdbc;

    public AccessAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalArgumentException when {@code after} is not a cursor of this list */
    public Page<AccessAuditView> find(Filter filter, int size, String after) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (filter.userId() != null) {
            where.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.orgUnitId() != null) {
            where.add("(caller_org_unit_id = ANY(:orgScope::uuid[]) OR org_units && :orgScope::uuid[])");
            params.put("orgScope", orgScope(filter.orgUnitId(), filter.includeSubUnits()));
        }
        if (filter.operation() != null) {
            where.add("operations @> ARRAY[:operation]::text[]");
            params.put("operation", filter.operation());
        }
        if (filter.outcome() != null) {
            where.add("outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", utc(filter.to()));
        }
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            Instant afterAt;
            long afterId;
            try {
                afterAt = Instant.parse(key[0]);
                afterId = Long.parseLong(key[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The cursor '" + after + "' is not valid", e);
            }
            where.add("(at, id) < (:afterAt, :afterId)");
            params.put("afterAt", utc(afterAt));
            params.put("afterId", afterId);
        }
        String source = filter.includeArchived()
                ? "(SELECT " + COLUMNS + ", false AS archived FROM access_audit UNION ALL SELECT " + COLUMNS
                  + ", true AS archived FROM access_audit_archive) e"
                : "(SELECT " + COLUMNS + ", false AS archived FROM access_audit) e";
        String sql = "SELECT * FROM " + source + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY at DESC, id DESC LIMIT :limit";
        params.put("limit", size + 1);
        List<AccessAuditView> rows = jdbc.sql(sql).params(params).query((rs, n) -> view(rs)).list();
        boolean hasNext = rows.size() > size;
        List<AccessAuditView> items = hasNext ? rows.subList(0, size) : rows;
        List<String> cursors = items.stream().map(v -> Cursor.encode(v.at().toString(), Long.toString(v.id()))).toList();
        return new Page<>(List.copyOf(items), cursors, hasNext);
    }

    /** The org unit, and with {@code subUnits} every org unit below it in the organisation read model. */
    private String[] orgScope(UUID orgUnitId, boolean subUnits) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(orgUnitId.toString());
        if (subUnits) {
            jdbc.sql("""
                            SELECT u.id FROM org_unit u, org_unit p
                            WHERE p.id = :id AND u.path LIKE p.path || '%'""")
                    .param("id", orgUnitId).query(UUID.class).list().forEach(id -> ids.add(id.toString()));
        }
        return ids.toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static AccessAuditView view(ResultSet rs) throws SQLException {
        return new AccessAuditView(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("user_id", UUID.class), rs.getString("issuer"), rs.getString("subject"),
                strings(rs.getArray("roles")), rs.getObject("caller_org_unit_id", UUID.class),
                rs.getString("operation_type"), strings(rs.getArray("operations")), rs.getString("operation_name"),
                uuids(rs.getArray("objects")), uuids(rs.getArray("org_units")), Outcome.valueOf(rs.getString("outcome")),
                strings(rs.getArray("error_codes")), strings(rs.getArray("denials")), rs.getString("correlation_id"),
                rs.getString("client_address"), rs.getInt("duration_ms"), rs.getBoolean("archived"),
                rs.getString("client_correlation_id"), rs.getString("command"), rs.getString("aggregate_id"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }
}
