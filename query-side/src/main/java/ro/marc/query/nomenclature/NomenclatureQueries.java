package ro.marc.query.nomenclature;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.nomenclature.*;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.*;

/**
 * Reads of the nomenclature read model. Approved and inactive entries are national and always
 * listed; proposed and rejected ones only when the caller's {@link ProposalVisibility} shows them,
 * a filter applied inside the database so that pages never hold what the caller may not see.
 * Single-entry reads ({@link #item}, {@link #items}) are not filtered: check
 * {@link ItemView#visibleTo(ProposalVisibility)}.
 */
@Component
@ReadSnapshot
public class NomenclatureQueries {

    /**
     * An item's columns with the work units of its owning activity (an array, so that a page is read
     * with one query) and its attachments (one {@code name␟reference} element each).
     */
    private static final String ITEM_COLUMNS = """
            i.id, i.kind, i.parent_id, i.activity_id, i.task_id, i.name, i.name_folded, i.description, i.domain_id,
            i.periodicity, i.status, i.rejection_reason, i.proposer_user_id, i.proposer_org_unit_id,
            i.proposer_county, i.version, i.created_at, i.updated_at, i.decided_at, i.decided_by,
            ARRAY(SELECT w.work_unit_id FROM nomenclature_item_work_unit w WHERE w.item_id = i.activity_id
                   ORDER BY w.work_unit_id) AS work_units,
            ARRAY(SELECT a.name || chr(31) || COALESCE(a.reference, '') FROM nomenclature_attachment a
                   WHERE a.activity_id = i.id ORDER BY a.position) AS attachments""";

    private static final String CAUSE_COLUMNS = """
            c.id, c.work_unit_id, c.activity_id, c.issuer_id, c.act_type_id, c.act_number, c.year_in_force,
            c.act_status_id, c.act_title, c.article_number, c.additional_info, c.extract, c.corruption_factors,
            c.corruption_threats, c.recommendations, c.proposed_text, c.author_user_id, c.author_org_unit_id,
            c.active, c.version, c.created_at, c.updated_at""";

    private final JdbcClient jdbc;

    public NomenclatureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ items

    /** An activity, task, document or risk in any status (not filtered by visibility). */
    public Optional<ItemView> item(UUID id) {
        return items(List.of(id)).stream().findFirst();
    }

    /**
     * Items in any status, by kind (activities, tasks, documents, risks) then folded name; unknown ids
     * are left out (not filtered by visibility).
     */
    public List<ItemView> items(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ITEM_COLUMNS + """
                         FROM nomenclature_item i WHERE i.id = ANY(?)
                        ORDER BY array_position(ARRAY['ACTIVITY', 'TASK', 'DOCUMENT', 'RISK'], i.kind::text),
                                 i.name_folded, i.id""")
                .param(ids.toArray(UUID[]::new)).query((rs, n) -> itemRow(rs)).list();
    }

    /**
     * The entries of one kind under a parent, by folded name (keyset on (name_folded, id)): the tasks
     * or risks of an activity, the documents of a task; for {@link ItemKind#ACTIVITY} the activities
     * of a domain (or of its subdomains), or every activity when {@code parentId} is null. Rejected
     * entries are listed when visible; inactive ones only with {@code includeInactive}.
     *
     * @param after the cursor of the last entry of the previous page, or null for the first page
     */
    public Page<ItemView> children(UUID parentId, ItemKind kind, ProposalVisibility visibility,
                                   boolean includeInactive, int first, String after) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(ITEM_COLUMNS)
                .append(" FROM nomenclature_item i WHERE i.kind = ?");
        params.add(kind.name());
        if (kind == ItemKind.ACTIVITY) {
            if (parentId != null) {
                sql.append(" AND (i.domain_id = ? OR i.domain_id IN (SELECT d.id FROM nomenclature_domain d"
                        + " WHERE d.parent_id = ?))");
                params.add(parentId);
                params.add(parentId);
            }
        } else {
            sql.append(" AND i.parent_id = ?");
            params.add(parentId);
        }
        if (!includeInactive) {
            sql.append(" AND i.status <> 'INACTIVE'");
        }
        sql.append(" AND ").append(visibility(visibility, params));
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            sql.append(" AND (i.name_folded, i.id) > (?, CAST(? AS uuid))");
            params.add(key[0]);
            params.add(Cursor.uuid(after, key[1]).toString());
        }
        sql.append(" ORDER BY i.name_folded, i.id LIMIT ?");
        params.add(first + 1);
        List<ItemRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> itemRowWithKey(rs)).list();
        return Page.of(rows, first, r -> Cursor.encode(r.folded(), r.view().id().toString()), ItemRow::view);
    }

    /**
     * Pending proposals (status PROPOSED) the caller may see, oldest first (keyset on (created_at, id)):
     * the administrators' queue, or a proposer's own pending proposals.
     *
     * @param kind one kind, or null for every kind
     */
    public Page<ItemView> proposals(ProposalVisibility visibility, ItemKind kind, int first, String after) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(ITEM_COLUMNS)
                .append(" FROM nomenclature_item i WHERE i.status = 'PROPOSED'");
        if (kind != null) {
            sql.append(" AND i.kind = ?");
            params.add(kind.name());
        }
        sql.append(" AND ").append(visibility(visibility, params));
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            sql.append(" AND (i.created_at, i.id) > (CAST(? AS timestamptz), CAST(? AS uuid))");
            params.add(Cursor.instant(after, key[0]).toString());
            params.add(Cursor.uuid(after, key[1]).toString());
        }
        sql.append(" ORDER BY i.created_at, i.id LIMIT ?");
        params.add(first + 1);
        List<ItemView> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> itemRow(rs)).list();
        return Page.of(rows, first, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()), v -> v);
    }

    /**
     * The version of any nomenclature entry (domain, item, reference entry or regulatory cause) as the
     * read model has it, or empty when it is not (yet) there: for waiting on one's own writes.
     */
    public Optional<Long> versionOf(UUID id) {
        return jdbc.sql("""
                SELECT version FROM nomenclature_item WHERE id = :id
                UNION ALL SELECT version FROM nomenclature_domain WHERE id = :id
                UNION ALL SELECT version FROM reference_entry WHERE id = :id
                UNION ALL SELECT version FROM regulatory_cause WHERE id = :id
                LIMIT 1""")
                .param("id", id).query(Long.class).optional();
    }

    // ------------------------------------------------------------------ domains

    /** Every domain, in tree order: each top-level domain by name, followed by its subdomains by name. */
    public List<DomainView> domains() {
        return jdbc.sql("""
                SELECT d.* FROM nomenclature_domain d LEFT JOIN nomenclature_domain p ON p.id = d.parent_id
                ORDER BY COALESCE(p.name_folded, d.name_folded), COALESCE(p.id, d.id), d.parent_id IS NOT NULL,
                         d.name_folded, d.id""")
                .query((rs, n) -> domainRow(rs)).list();
    }

    public Optional<DomainView> domain(UUID id) {
        return jdbc.sql("SELECT * FROM nomenclature_domain WHERE id = ?").param(id)
                .query((rs, n) -> domainRow(rs)).optional();
    }

    // ------------------------------------------------------------------ reference lists

    /** The entries of a reference list, by folded name. */
    public List<ReferenceEntryView> referenceEntries(ReferenceList list, boolean includeInactive) {
        return jdbc.sql("SELECT * FROM reference_entry WHERE list = ?"
                        + (includeInactive ? "" : " AND active") + " ORDER BY name_folded, id")
                .param(list.name()).query((rs, n) -> referenceRow(rs)).list();
    }

    public Optional<ReferenceEntryView> referenceEntry(UUID id) {
        return jdbc.sql("SELECT * FROM reference_entry WHERE id = ?").param(id)
                .query((rs, n) -> referenceRow(rs)).optional();
    }

    // ------------------------------------------------------------------ regulatory causes

    public Optional<RegulatoryCauseView> cause(UUID id) {
        return jdbc.sql("SELECT " + CAUSE_COLUMNS + " FROM regulatory_cause c WHERE c.id = ?").param(id)
                .query((rs, n) -> causeRow(rs)).optional();
    }

    /**
     * Regulatory causes in the order they were added (keyset on (created_at, id)), optionally of one
     * work unit and/or one activity; deactivated ones only with {@code includeInactive}.
     */
    public Page<RegulatoryCauseView> causes(UUID workUnitId, UUID activityId, boolean includeInactive, int first,
                                            String after) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(CAUSE_COLUMNS)
                .append(" FROM regulatory_cause c WHERE TRUE");
        if (workUnitId != null) {
            sql.append(" AND c.work_unit_id = ?");
            params.add(workUnitId);
        }
        if (activityId != null) {
            sql.append(" AND c.activity_id = ?");
            params.add(activityId);
        }
        if (!includeInactive) {
            sql.append(" AND c.active");
        }
        if (after != null) {
            String[] key = Cursor.decode(after, 2);
            sql.append(" AND (c.created_at, c.id) > (CAST(? AS timestamptz), CAST(? AS uuid))");
            params.add(Cursor.instant(after, key[0]).toString());
            params.add(Cursor.uuid(after, key[1]).toString());
        }
        sql.append(" ORDER BY c.created_at, c.id LIMIT ?");
        params.add(first + 1);
        List<RegulatoryCauseView> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> causeRow(rs))
                .list();
        return Page.of(rows, first, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()), v -> v);
    }

    // ------------------------------------------------------------------ work units

    /**
     * The work units assigned to an org unit (org read model), in PostgreSQL's uuid order: to check
     * that a proposal is made only under work units assigned to the proposer's org unit.
     */
    public List<UUID> workUnitsOfOrgUnit(UUID orgUnitId) {
        return jdbc.sql("SELECT work_unit_id FROM org_unit_work_unit WHERE org_unit_id = ? ORDER BY work_unit_id")
                .param(orgUnitId).query(UUID.class).list();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The SQL form of {@link ProposalVisibility#showsProposal} over the item aliased {@code i}, with
     * positional parameters appended to {@code params}: national entries always, others when visible.
     */
    static String visibility(ProposalVisibility v, List<Object> params) {
        if (v.allProposals()) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        any.add("i.status IN ('APPROVED', 'INACTIVE')");
        if (v.proposerUserId() != null) {
            any.add("i.proposer_user_id = ?");
            params.add(v.proposerUserId());
        }
        if (!v.proposerCounties().isEmpty()) {
            any.add("i.proposer_county = ANY(?)");
            params.add(v.proposerCounties().toArray(String[]::new));
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /** An item with its sort key, folded exactly as the projection stored it. */
    private record ItemRow(ItemView view, String folded) {
    }

    private static ItemRow itemRowWithKey(ResultSet rs) throws SQLException {
        return new ItemRow(itemRow(rs), rs.getString("name_folded"));
    }

    private static ItemView itemRow(ResultSet rs) throws SQLException {
        List<UUID> workUnits = new ArrayList<>();
        for (Object element : (Object[]) rs.getArray("work_units").getArray()) {
            workUnits.add((UUID) element);
        }
        List<Attachment> attachments = new ArrayList<>();
        Array array = rs.getArray("attachments");
        for (Object element : (Object[]) array.getArray()) {
            String[] parts = ((String) element).split(String.valueOf((char) 31), 2);
            attachments.add(new Attachment(parts[0], parts[1].isEmpty() ? null : parts[1]));
        }
        String periodicity = rs.getString("periodicity");
        return new ItemView(rs.getObject("id", UUID.class), ItemKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", UUID.class), rs.getObject("activity_id", UUID.class),
                rs.getObject("task_id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("domain_id", UUID.class), periodicity == null ? null : Periodicity.valueOf(periodicity),
                ItemStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"), List.copyOf(workUnits),
                List.copyOf(attachments), rs.getString("proposer_user_id"),
                rs.getObject("proposer_org_unit_id", UUID.class), rs.getString("proposer_county"),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "decided_at"), rs.getString("decided_by"));
    }

    private static DomainView domainRow(ResultSet rs) throws SQLException {
        return new DomainView(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                rs.getString("name"), rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ReferenceEntryView referenceRow(ResultSet rs) throws SQLException {
        return new ReferenceEntryView(rs.getObject("id", UUID.class), ReferenceList.valueOf(rs.getString("list")),
                rs.getString("name"), rs.getBoolean("active"), rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static RegulatoryCauseView causeRow(ResultSet rs) throws SQLException {
        RegulatoryCauseDetails details = new RegulatoryCauseDetails(rs.getObject("work_unit_id", UUID.class),
                rs.getObject("activity_id", UUID.class), rs.getObject("issuer_id", UUID.class),
                rs.getObject("act_type_id", UUID.class), rs.getString("act_number"), rs.getInt("year_in_force"),
                rs.getObject("act_status_id", UUID.class), rs.getString("act_title"), rs.getString("article_number"),
                rs.getString("additional_info"), rs.getString("extract"), rs.getString("corruption_factors"),
                rs.getString("corruption_threats"), rs.getString("recommendations"), rs.getString("proposed_text"));
        return RegulatoryCauseView.of(rs.getObject("id", UUID.class), details, rs.getString("author_user_id"),
                rs.getObject("author_org_unit_id", UUID.class), rs.getBoolean("active"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
