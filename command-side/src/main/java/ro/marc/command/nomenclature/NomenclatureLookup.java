package ro.marc.command.nomenclature;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.text.RomanianText;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The nomenclature's command-side lookup, table {@code nomenclature_entry_lookup}: kept by
 * {@link ro.marc.command.common.lookup.CommandLookups} in the transaction of every nomenclature event,
 * read by the command handlers through {@link NomenclatureCatalogue}. Every statement is guarded by the
 * row's {@code last_seq}, so an event applied twice changes nothing.
 *
 * <p>A name taken by two commands at once: the second one's insert or update violates the unique index
 * {@code nomenclature_entry_name_once} when it commits, and is refused as CONFLICT {@code DUPLICATE_NAME}
 * (nothing of it is stored). Locks are PostgreSQL advisory transaction locks keyed by the entry id.
 */
@Component
public class NomenclatureLookup implements CommandLookup, NomenclatureCatalogue {

    /** Mixed into the advisory lock keys, so they do not meet other lookups' keys. */
    private static final long LOCK_SPACE = 0x4E4F4D454E434CL; // "NOMENCL"
    private static final Set<Class<?>> HANDLED = Set.of(DomainDefined.class, DomainRenamed.class,
            ActivityProposed.class, TaskProposed.class, DocumentProposed.class, RiskProposed.class,
            ProposalRevised.class, ApprovedItemCorrected.class, ProposalAccepted.class, ProposalRejected.class, ItemDeactivated.class,
            ReferenceEntryDefined.class, ReferenceEntryRenamed.class, ReferenceEntryDeactivated.class);

    private static final String INSERT = """
            INSERT INTO nomenclature_entry_lookup (id, kind, parent_id, domain_id, list, name, name_key, status,
                                                   proposer_user_id, proposer_org_unit_id, work_unit_ids, last_seq)
            VALUES (:id, :kind, :parent, :domain, :list, :name, :key, :status, :proposer, :orgUnit, :workUnits, :seq)
            ON CONFLICT (id) DO NOTHING""";

    private final JdbcClient jdbc;

    public NomenclatureLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- CommandLookup

    @Override
    public String name() {
        return "nomenclature";
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM nomenclature_entry_lookup").update();
    }

    @Override
    public void apply(DomainEventMessage<?> message) {
        long seq = message.getSequenceNumber();
        try {
            switch (message.getPayload()) {
                case DomainDefined e -> insert(e.domainId(), "DOMAIN", e.parentDomainId(), null, null, e.name(), "ACTIVE",
                        null, null, List.of(), seq);
                case DomainRenamed e -> rename(e.domainId(), e.name(), seq);
                case ActivityProposed e -> insert(e.activityId(), ItemKind.ACTIVITY.name(), null, e.domainId(), null,
                        e.name(), "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), e.workUnitIds(), seq);
                case TaskProposed e -> insert(e.taskId(), ItemKind.TASK.name(), e.activityId(), null, null, e.name(),
                        "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of(), seq);
                case DocumentProposed e -> insert(e.documentId(), ItemKind.DOCUMENT.name(), e.taskId(), null, null,
                        e.name(), "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of(), seq);
                case RiskProposed e -> insert(e.riskId(), ItemKind.RISK.name(), e.activityId(), null, null, e.name(),
                        "PROPOSED", e.proposerUserId(), e.proposerOrgUnitId(), List.of(), seq);
                case ProposalRevised e -> revise(e.itemId(), e.name(), e.kind() == ItemKind.ACTIVITY ? e.workUnitIds() : null, seq);
                case ApprovedItemCorrected e -> revise(e.itemId(), e.name(), e.kind() == ItemKind.ACTIVITY ? e.workUnitIds() : null, seq);
                case ProposalAccepted e -> status(e.itemId(), "APPROVED", seq);
                case ProposalRejected e -> status(e.itemId(), "REJECTED", seq);
                case ItemDeactivated e -> status(e.itemId(), "INACTIVE", seq);
                case ReferenceEntryDefined e -> insert(e.entryId(), "REFERENCE", null, null, e.list().name(), e.name(),
                        "ACTIVE", null, null, List.of(), seq);
                case ReferenceEntryRenamed e -> rename(e.entryId(), e.name(), seq);
                case ReferenceEntryDeactivated e -> status(e.entryId(), "INACTIVE", seq);
                default -> {
                }
            }
        } catch (DuplicateKeyException e) {
            throw new CommandRejected(CommandRejected.Reason.CONFLICT, "name", "DUPLICATE_NAME",
                    "An entry with the same name was added under the same parent at the same moment: reload and"
                            + " choose another name", Map.of());
        }
    }

    /** A name is never missing from an event an aggregate wrote; an event appended by hand without one is kept as "". */
    private void insert(UUID id, String kind, UUID parent, UUID domain, String list, String rawName, String status,
                        String proposer, UUID orgUnit, List<UUID> workUnits, long seq) {
        String name = rawName == null ? "" : rawName;
        jdbc.sql(INSERT).param("id", id).param("kind", kind).param("parent", parent).param("domain", domain)
                .param("list", list).param("name", name).param("key", RomanianText.nameKey(name))
                .param("status", status).param("proposer", proposer).param("orgUnit", orgUnit)
                .param("workUnits", (workUnits == null ? List.<UUID>of() : workUnits).toArray(UUID[]::new))
                .param("seq", seq).update();
    }

    private void rename(UUID id, String rawName, long seq) {
        String name = rawName == null ? "" : rawName;
        jdbc.sql("UPDATE nomenclature_entry_lookup SET name = ?, name_key = ?, last_seq = ? WHERE id = ? AND last_seq < ?")
                .params(name, RomanianText.nameKey(name), seq, id, seq).update();
    }

    private void revise(UUID id, String name, List<UUID> workUnits, long seq) {
        jdbc.sql("""
                UPDATE nomenclature_entry_lookup
                   SET name = COALESCE(:name, name), name_key = COALESCE(:key, name_key),
                       work_unit_ids = COALESCE(:workUnits, work_unit_ids), last_seq = :seq
                WHERE id = :id AND last_seq < :seq""")
                .param("id", id).param("name", name).param("key", name == null ? null : RomanianText.nameKey(name))
                .param("workUnits", workUnits == null ? null : workUnits.toArray(UUID[]::new)).param("seq", seq)
                .update();
    }

    private void status(UUID id, String status, long seq) {
        jdbc.sql("UPDATE nomenclature_entry_lookup SET status = ?, last_seq = ? WHERE id = ? AND last_seq < ?")
                .params(status, seq, id, seq).update();
    }

    // ---------------------------------------------------------------- NomenclatureCatalogue

    @Override
    public Optional<Entry> entry(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM nomenclature_entry_lookup WHERE id = ?").param(id)
                .query(NomenclatureLookup::entry).optional();
    }

    @Override
    public Optional<Entry> named(EntryKind kind, UUID parentId, ReferenceList list, String nameKey) {
        return jdbc.sql("""
                SELECT * FROM nomenclature_entry_lookup
                WHERE kind = ? AND parent_id IS NOT DISTINCT FROM ? AND list IS NOT DISTINCT FROM ? AND name_key = ?
                  AND status <> 'REJECTED'""")
                .params(kind.name(), parentId, list == null ? null : list.name(), nameKey)
                .query(NomenclatureLookup::entry).optional();
    }

    @Override
    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM nomenclature_entry_lookup)").query(Boolean.class).single();
    }

    @Override
    public boolean hasSubdomains(UUID domainId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM nomenclature_entry_lookup WHERE kind = 'DOMAIN' AND parent_id = ?)")
                .param(domainId).query(Boolean.class).single();
    }

    @Override
    public int activityCount(UUID domainId) {
        return jdbc.sql("""
                SELECT count(*) FROM nomenclature_entry_lookup
                WHERE kind = 'ACTIVITY' AND domain_id = ? AND status <> 'REJECTED'""")
                .param(domainId).query(Integer.class).single();
    }

    @Override
    public void lockShared(UUID id) {
        if (id != null) {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(?)) AS locked").param(lockKey(id))
                    .query(Integer.class).single();
        }
    }

    @Override
    public void lockExclusive(UUID id) {
        if (id != null) {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(lockKey(id))
                    .query(Integer.class).single();
        }
    }

    static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits() ^ LOCK_SPACE;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        String list = rs.getString("list");
        return new Entry(rs.getObject("id", UUID.class), EntryKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", UUID.class), rs.getObject("domain_id", UUID.class),
                list == null ? null : ReferenceList.valueOf(list), rs.getString("name"), rs.getString("status"),
                rs.getString("proposer_user_id"), rs.getObject("proposer_org_unit_id", UUID.class),
                uuids(rs.getArray("work_unit_ids")));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }
}
