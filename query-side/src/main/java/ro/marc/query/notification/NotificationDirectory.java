package ro.marc.query.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.access.Role;
import ro.marc.events.access.event.*;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;
import ro.marc.events.org.event.OrgUnitCreated;
import ro.marc.events.org.event.OrgUnitRenamed;
import ro.marc.events.org.event.WorkUnitAssigned;
import ro.marc.events.org.event.WorkUnitDefined;
import ro.marc.events.org.event.WorkUnitRenamed;
import ro.marc.events.org.event.WorkUnitUnassigned;
import ro.marc.events.incident.IncidentDetails;
import ro.marc.events.incident.event.IntegrityIncidentEdited;
import ro.marc.events.incident.event.IntegrityIncidentRecorded;
import ro.marc.events.plan.PlanEdition;
import ro.marc.events.plan.event.PlanActivated;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.plan.event.PlanRevised;
import ro.marc.events.text.RomanianText;

import java.util.List;
import java.util.UUID;

/**
 * What {@link NotificationProjection} needs to know of other capabilities, kept by the notifications group
 * itself from the events it handles (not read from the tables other processors write, which may be ahead or
 * behind it): accounts (display name, active, central administrator, the counties of a territorial
 * administrator), org-unit and work-unit names, the catalogue entries (name, activity, task, work units, and
 * whether a central administrator changed the proposal while accepting it), and the plans as their activation
 * and revisions publish them (org unit, county, purpose, and each edition's members with their working-group
 * role, for {@link CampaignNotifications}; the work units assigned to each member and whether they follow the member
 * workflow, the work units each org unit holds, and the incidents' titles, for {@link IncidentNotifications}). Every row is guarded by its entity's sequence number; a plan's
 * members are kept per edition (an edition never changes), so that a revision can be compared with the
 * edition before it whichever of the group's components handles the revision first.
 * <p>
 * {@link AllowReplay}: a reset of the group (a rebuild) empties these tables and fills them again from the
 * event store, while the notifications themselves are not sent again ({@link NotificationProjection} is
 * {@code @DisallowReplay}). A work unit defined or renamed after a notification naming it was written is
 * carried into that notification's work-unit names ({@code notification.work_unit_ids}), so the names come
 * out the same whichever arrived first.
 */
@Component
@AllowReplay
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NotificationDirectory {

    private final JdbcClient jdbc;

    public NotificationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM notification_account").update();
        jdbc.sql("DELETE FROM notification_org_unit").update();
        jdbc.sql("DELETE FROM notification_work_unit").update();
        jdbc.sql("DELETE FROM notification_item").update();
        jdbc.sql("DELETE FROM notification_plan").update();
        jdbc.sql("DELETE FROM notification_plan_member").update();
        jdbc.sql("DELETE FROM notification_org_unit_work_unit").update();
        jdbc.sql("DELETE FROM notification_incident").update();
    }

    // ------------------------------------------------------------------ accounts

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long seq) {
        jdbc.sql("""
                INSERT INTO notification_account AS a (id, display_name, active, central_admin, last_event_seq)
                VALUES (?, ?, TRUE, FALSE, ?)
                ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, last_event_seq = excluded.last_event_seq
                WHERE a.last_event_seq < excluded.last_event_seq""")
                .params(event.userId(), event.displayName(), seq).update();
    }

    @EventHandler
    void on(UserDetailsUpdated event, @SequenceNumber long seq) {
        account(event.userId(), "display_name = :value", event.displayName(), seq);
    }

    /** A central administrator; a territorial administrator's counties (a re-grant replaces them). */
    @EventHandler
    void on(RoleGranted event, @SequenceNumber long seq) {
        switch (event.role()) {
            case CENTRAL_ADMIN -> account(event.userId(), "central_admin = TRUE", null, seq);
            case TERRITORIAL_ADMIN -> account(event.userId(), "territorial_counties = :value",
                    counties(event.counties()), seq);
            default -> account(event.userId(), null, null, seq);
        }
    }

    @EventHandler
    void on(RoleRevoked event, @SequenceNumber long seq) {
        switch (event.role()) {
            case CENTRAL_ADMIN -> account(event.userId(), "central_admin = FALSE", null, seq);
            case TERRITORIAL_ADMIN -> account(event.userId(), "territorial_counties = '{}'", null, seq);
            default -> account(event.userId(), null, null, seq);
        }
    }

    private static String[] counties(List<County> counties) {
        return counties == null ? new String[0] : counties.stream().map(Enum::name).sorted().distinct().toArray(String[]::new);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long seq) {
        account(event.userId(), "active = FALSE", null, seq);
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long seq) {
        account(event.userId(), "active = TRUE", null, seq);
    }

    /** An event of the account: {@code change} (null: none, the sequence number only) applied once. */
    private void account(UUID userId, String change, Object value, long seq) {
        // the account's registration precedes its other events in its own stream: the row is there
        jdbc.sql("UPDATE notification_account SET " + (change == null ? "" : change + ", ")
                        + "last_event_seq = :seq WHERE id = :id AND last_event_seq < :seq")
                .param("id", userId).param("seq", seq).param("value", value).update();
    }

    // ------------------------------------------------------------------ organisation

    @EventHandler
    void on(OrgUnitCreated event, @SequenceNumber long seq) {
        orgUnit(event.orgUnitId(), event.name(), seq);
    }

    @EventHandler
    void on(OrgUnitRenamed event, @SequenceNumber long seq) {
        orgUnit(event.orgUnitId(), event.name(), seq);
    }

    private void orgUnit(UUID id, String name, long seq) {
        jdbc.sql("""
                INSERT INTO notification_org_unit AS o (id, name, last_event_seq) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_event_seq = excluded.last_event_seq
                WHERE o.last_event_seq < excluded.last_event_seq""")
                .params(id, name, seq).update();
    }

    /** The org unit now holds the work unit (A103 counsellors cover every work unit of their structure). */
    @EventHandler
    void on(WorkUnitAssigned event, @SequenceNumber long seq) {
        held(event.orgUnitId(), event.workUnitId(), true, seq);
    }

    @EventHandler
    void on(WorkUnitUnassigned event, @SequenceNumber long seq) {
        held(event.orgUnitId(), event.workUnitId(), false, seq);
    }

    private void held(UUID orgUnitId, UUID workUnitId, boolean assigned, long seq) {
        jdbc.sql("""
                INSERT INTO notification_org_unit_work_unit AS h (org_unit_id, work_unit_id, assigned, last_event_seq)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (org_unit_id, work_unit_id) DO UPDATE SET assigned = excluded.assigned,
                                                                      last_event_seq = excluded.last_event_seq
                WHERE h.last_event_seq < excluded.last_event_seq""")
                .params(orgUnitId, workUnitId, assigned, seq).update();
    }

    @EventHandler
    void on(WorkUnitDefined event, @SequenceNumber long seq) {
        workUnit(event.workUnitId(), event.name(), seq);
    }

    @EventHandler
    void on(WorkUnitRenamed event, @SequenceNumber long seq) {
        workUnit(event.workUnitId(), event.name(), seq);
    }

    /** The work unit's name, carried into the notifications already written that name it. */
    private void workUnit(UUID id, String name, long seq) {
        int changed = jdbc.sql("""
                INSERT INTO notification_work_unit AS w (id, name, name_folded, last_event_seq) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
                                               last_event_seq = excluded.last_event_seq
                WHERE w.last_event_seq < excluded.last_event_seq""")
                .params(id, name, RomanianText.fold(name), seq).update();
        if (changed == 1) {
            jdbc.sql("UPDATE notification n SET work_unit_names = " + WORK_UNIT_NAMES.formatted("n.work_unit_ids")
                            + " WHERE n.work_unit_ids @> ARRAY[CAST(? AS uuid)]")
                    .param(id).update();
        }
    }

    /** The names of the work units {@code %s} (an array of ids) that are known, in name order. */
    static final String WORK_UNIT_NAMES = """
            ARRAY(SELECT w.name FROM notification_work_unit w WHERE w.id = ANY(%s) AND w.name IS NOT NULL
                   ORDER BY w.name_folded, w.id)""";

    // ------------------------------------------------------------------ plans

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long seq) {
        plan(event.planId(), event.edition(), seq);
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long seq) {
        plan(event.planId(), event.edition(), seq);
    }

    @EventHandler
    void on(PlanClosed event, @SequenceNumber long seq) {
        jdbc.sql("UPDATE notification_plan SET closed = TRUE, last_event_seq = ? WHERE id = ? AND last_event_seq < ?")
                .params(seq, event.planId(), seq).update();
    }

    /** The plan as {@code edition} publishes it, and that edition's members (an edition is written once). */
    private void plan(UUID planId, PlanEdition edition, long seq) {
        jdbc.sql("""
                INSERT INTO notification_plan AS p (id, org_unit_id, org_unit_name, county, purpose, edition, last_event_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET org_unit_id = excluded.org_unit_id, org_unit_name = excluded.org_unit_name,
                                               county = excluded.county, purpose = excluded.purpose,
                                               edition = excluded.edition, last_event_seq = excluded.last_event_seq
                WHERE p.last_event_seq < excluded.last_event_seq""")
                .params(planId, edition.orgUnitId(), edition.orgUnitName(),
                        edition.county() == null ? null : edition.county().name(), edition.purpose(), edition.edition(), seq)
                .update();
        for (PlanEdition.MemberEdition member : edition.members()) {
            jdbc.sql("""
                    INSERT INTO notification_plan_member (plan_id, edition, user_id, display_name, role, active,
                                                          work_unit_ids, follows_member_workflow)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(planId, edition.edition(), member.userId(), member.displayName(),
                            member.role() == null ? Role.WORKING_GROUP_MEMBER.name() : member.role().name(),
                            member.active(), member.workUnits().stream().map(PlanEdition.WorkUnitRef::workUnitId)
                                    .toArray(UUID[]::new), member.followsMemberWorkflow())
                    .update();
        }
    }

    // ------------------------------------------------------------------ incidents

    @EventHandler
    void on(IntegrityIncidentRecorded event, @SequenceNumber long seq) {
        incident(event.incidentId(), event.details(), seq);
    }

    @EventHandler
    void on(IntegrityIncidentEdited event, @SequenceNumber long seq) {
        incident(event.incidentId(), event.details(), seq);
    }

    private void incident(UUID id, IncidentDetails details, long seq) {
        jdbc.sql("""
                INSERT INTO notification_incident AS i (id, title, county, incident_date, last_event_seq)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, county = excluded.county,
                                               incident_date = excluded.incident_date,
                                               last_event_seq = excluded.last_event_seq
                WHERE i.last_event_seq < excluded.last_event_seq""")
                .params(id, details.title(), details.county() == null ? null : details.county().name(),
                        details.incidentDate(), seq).update();
    }

    // ------------------------------------------------------------------ catalogue entries

    @EventHandler
    void on(ActivityProposed event, @SequenceNumber long seq) {
        item(event.activityId(), ItemKind.ACTIVITY, event.name(), event.activityId(), null, event.workUnitIds(), seq);
    }

    @EventHandler
    void on(TaskProposed event, @SequenceNumber long seq) {
        item(event.taskId(), ItemKind.TASK, event.name(), event.activityId(), null, List.of(), seq);
    }

    @EventHandler
    void on(DocumentProposed event, @SequenceNumber long seq) {
        // a task's proposal precedes its documents' in the catalogue's order
        UUID activity = jdbc.sql("SELECT activity_id FROM notification_item WHERE id = ?").param(event.taskId())
                .query(UUID.class).optional().orElse(null);
        item(event.documentId(), ItemKind.DOCUMENT, event.name(), activity, event.taskId(), List.of(), seq);
    }

    @EventHandler
    void on(RiskProposed event, @SequenceNumber long seq) {
        item(event.riskId(), ItemKind.RISK, event.name(), event.activityId(), null, List.of(), seq);
    }

    private void item(UUID id, ItemKind kind, String name, UUID activityId, UUID taskId, List<UUID> workUnitIds,
                      long seq) {
        jdbc.sql("""
                INSERT INTO notification_item (id, kind, name, activity_id, task_id, work_unit_ids, last_event_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, kind.name(), name, activityId, taskId, uuids(workUnitIds), seq).update();
    }

    /**
     * The proposal as it now stands. {@code byAdministrator}: a central administrator's changes, applied as
     * they accept it ({@code acceptProposalWithChanges}: this event, then {@code ProposalAccepted}, in the
     * entry's own stream): the proposer's wording is kept, to be quoted in the decision.
     */
    @EventHandler
    void on(ProposalRevised event, @SequenceNumber long seq) {
        jdbc.sql("""
                UPDATE notification_item
                   SET proposed_name = CASE WHEN :byAdministrator THEN COALESCE(proposed_name, name) END,
                       changed_on_acceptance = :byAdministrator,
                       name = COALESCE(:name, name), work_unit_ids = COALESCE(:workUnits, work_unit_ids),
                       last_event_seq = :seq
                 WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("byAdministrator", event.byAdministrator())
                .param("name", event.name()).param("workUnits", workUnits(event.kind(), event.workUnitIds()))
                .param("seq", seq).update();
    }

    @EventHandler
    void on(ApprovedItemCorrected event, @SequenceNumber long seq) {
        jdbc.sql("""
                UPDATE notification_item
                   SET name = COALESCE(:name, name), work_unit_ids = COALESCE(:workUnits, work_unit_ids),
                       last_event_seq = :seq
                 WHERE id = :id AND last_event_seq < :seq""")
                .param("id", event.itemId()).param("name", event.name())
                .param("workUnits", workUnits(event.kind(), event.workUnitIds())).param("seq", seq).update();
    }

    private static UUID[] workUnits(ItemKind kind, List<UUID> ids) {
        return kind == ItemKind.ACTIVITY && ids != null ? uuids(ids) : null;
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids == null ? new UUID[0] : ids.toArray(UUID[]::new);
    }
}
