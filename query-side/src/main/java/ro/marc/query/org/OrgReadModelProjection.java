package ro.marc.query.org;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.query.common.EntityVersion;
import ro.marc.query.common.Sql;
import ro.marc.events.org.event.*;
import ro.marc.events.text.RomanianText;

import java.time.Instant;
import java.util.UUID;

/**
 * Projects the organisation's events into the PostgreSQL read model (tables org_unit, work_unit,
 * org_unit_work_unit). Each org unit and work unit is its own aggregate: its version is its event's
 * sequence number + 1 ({@link EntityVersion}), and every statement is guarded by the row's
 * {@code last_event_seq} (the sequence number in that entity's stream), so an event delivered twice
 * (replay, retry after a crash) changes nothing. A creation and a move read the parent's row: the
 * organisation's events are handled in their global order (one processing segment), so it is there.
 */
@Component
@ProcessingGroup(OrgReadModelProjection.PROCESSING_GROUP)
public class OrgReadModelProjection {

    public static final String PROCESSING_GROUP = "org-postgres";

    private final JdbcClient jdbc;

    public OrgReadModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        String parentPath = event.parentId() == null ? "/" : jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(event.parentId()).query(String.class).single();
        jdbc.sql("""
                INSERT INTO org_unit (id, parent_id, name, name_folded, level, county, active, path, version,
                                      last_event_seq, created_at, updated_at)
                VALUES (:id, :parent, :name, :folded, :level, :county, TRUE, :path, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.orgUnitId()).param("parent", event.parentId())
                .param("name", event.name()).param("folded", RomanianText.fold(event.name()))
                .param("level", event.level()).param("county", event.county() == null ? null : event.county().name())
                .param("path", parentPath + event.orgUnitId() + "/").param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(OrgUnitRenamed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE org_unit SET name = :name, name_folded = :folded, version = :version,
                                    last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.orgUnitId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(OrgUnitMoved event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        // Guarded by the moved row: when it was already applied, the whole subtree was too.
        String oldPath = jdbc.sql("SELECT path FROM org_unit WHERE id = ? AND last_event_seq < ?")
                .param(event.orgUnitId()).param(seq).query(String.class).optional().orElse(null);
        if (oldPath == null) {
            return;
        }
        String newParentPath = jdbc.sql("SELECT path FROM org_unit WHERE id = ?")
                .param(event.toParentId()).query(String.class).single();
        String newPath = newParentPath + event.orgUnitId() + "/";
        jdbc.sql("""
                UPDATE org_unit SET path = :newPath || substring(path FROM :oldLength + 1),
                                    level = level + :shift, updated_at = :at
                WHERE path LIKE :oldPrefix""")
                .param("newPath", newPath).param("oldLength", oldPath.length())
                .param("shift", event.level() - event.previousLevel())
                .param("oldPrefix", Sql.likePrefix(oldPath)).param("at", Sql.timestamp(at)).update();
        jdbc.sql("UPDATE org_unit SET parent_id = :parent, version = :version, last_event_seq = :seq WHERE id = :id")
                .param("parent", event.toParentId()).param("version", EntityVersion.of(seq)).param("seq", seq)
                .param("id", event.orgUnitId()).update();
    }

    @EventHandler
    void on(OrgUnitDeactivated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        setActive(event.orgUnitId(), false, seq, at);
    }

    @EventHandler
    void on(OrgUnitReactivated event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        setActive(event.orgUnitId(), true, seq, at);
    }

    @EventHandler
    void on(WorkUnitDefined event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO work_unit (id, name, name_folded, retired, version, last_event_seq, created_at, updated_at)
                VALUES (:id, :name, :folded, FALSE, :version, :seq, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.workUnitId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(WorkUnitRenamed event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE work_unit SET name = :name, name_folded = :folded, version = :version,
                                     last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.workUnitId()).param("name", event.name())
                .param("folded", RomanianText.fold(event.name())).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(WorkUnitRetired event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                UPDATE work_unit SET retired = TRUE, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.workUnitId()).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

    @EventHandler
    void on(WorkUnitAssigned event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (claimOrgUnit(event.orgUnitId(), seq, at)) {
            jdbc.sql("""
                    INSERT INTO org_unit_work_unit (org_unit_id, work_unit_id, assigned_at) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(event.orgUnitId(), event.workUnitId(), Sql.timestamp(at)).update();
        }
    }

    @EventHandler
    void on(WorkUnitUnassigned event, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (claimOrgUnit(event.orgUnitId(), seq, at)) {
            jdbc.sql("DELETE FROM org_unit_work_unit WHERE org_unit_id = ? AND work_unit_id = ?")
                    .params(event.orgUnitId(), event.workUnitId()).update();
        }
    }

    /**
     * Before a replay from the start of the stream (a processor reset, i.e. a rebuild): the guards would
     * skip every event already applied, so the rows are removed and rebuilt.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM org_unit_work_unit").update();
        jdbc.sql("DELETE FROM org_unit").update();
        jdbc.sql("DELETE FROM work_unit").update();
    }

    /** Advances the org unit's version and guard; false when this event was applied before. */
    private boolean claimOrgUnit(UUID id, long seq, Instant at) {
        return jdbc.sql("""
                UPDATE org_unit SET version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("version", EntityVersion.of(seq)).param("seq", seq).param("at", Sql.timestamp(at)).update() == 1;
    }

    private void setActive(UUID id, boolean active, long seq, Instant at) {
        jdbc.sql("""
                UPDATE org_unit SET active = :active, version = :version, last_event_seq = :seq, updated_at = :at
                WHERE id = :id AND last_event_seq < :seq""")
                .param("id", id).param("active", active).param("version", EntityVersion.of(seq))
                .param("seq", seq).param("at", Sql.timestamp(at)).update();
    }

}
