package ro.marc.query.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.event.*;

import java.sql.Array;
import java.time.Instant;
import java.util.*;

/**
 * Turns nomenclature events into in-application notifications (N02), one {@code notification} row
 * per recipient:
 * <ul>
 *   <li>a proposed activity, task, document or risk → every active central administrator, unless the
 *       proposer is a central administrator (their own additions are approved in the same step);</li>
 *   <li>an accepted or rejected proposal → its proposer (with the reason), unless the proposer made
 *       the decision themselves;</li>
 *   <li>a regulatory cause added or edited → every active central administrator but the one who
 *       did it.</li>
 * </ul>
 * <b>Everything is read from the group's own directory</b> ({@link NotificationDirectory}: accounts and
 * their central-administrator role, org-unit and work-unit names, catalogue entries), which the same
 * processing group fills from the access, organisation and nomenclature events, never from the tables other
 * processors write (those may be ahead of or behind this group, so the outcome depended on which ran first).
 * <p>
 * <b>Recipients are a fact about <em>when</em></b>: an administrator appointed after a proposal does not
 * receive it, one deactivated before it does not, and a proposer who is a central administrator when the
 * proposal is made is not announced. "Before" and "after" are the event store's order: the group runs as a
 * single segment ({@code initial-segment-count: 1}), so it handles every event in store order (the order
 * in which events become visible to the processor), the same on every node and after every restart. For the
 * same reason the projection is {@link DisallowReplay}: a processor reset (which rebuilds only the
 * directory) must not hand today's administrators the notifications of the whole history.
 * <p>
 * <b>Names and details do not depend on the order</b>: a decision quotes the entry as its own events left it
 * (the accepted wording after {@code acceptProposalWithChanges}, whose revision precedes the acceptance in
 * the entry's stream); work-unit names missing when a notification is written are left out and carried into
 * it when the work unit is defined or renamed (the directory follows {@code notification.work_unit_ids}).
 * Display and org-unit names in the message text are those known at the event's place in the store (an
 * account and its org unit are created before anything they propose).
 * <p>
 * Every row is keyed by (recipient, event identifier, kind) and inserted with {@code ON CONFLICT DO
 * NOTHING}, so a redelivered event creates no duplicate (sequence numbers are per entity, so they do not
 * identify an event on their own). Each notification
 * actually inserted is handed to every {@link NotificationListener} after the unit of work (the
 * processor's batch transaction) commits, or at once when there is no unit of work ({@link NotificationWriter},
 * shared with the campaign's notifications, {@link CampaignNotifications}). These are all {@link
 * NotificationSeverity#INFO}.
 */
@Component
@DisallowReplay
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NotificationProjection {

    public static final String PROCESSING_GROUP = "notifications";

    private final JdbcClient jdbc;
    private final NotificationWriter writer;

    public NotificationProjection(JdbcClient jdbc, List<NotificationListener> listeners) {
        this.jdbc = jdbc;
        this.writer = new NotificationWriter(jdbc, listeners);
    }

    // ------------------------------------------------------------------ proposals

    @EventHandler
    void on(ActivityProposed event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        Details details = new Details(ids(event.workUnitIds()), workUnitNames(event.workUnitIds()), event.name(), null);
        proposed(ItemKind.ACTIVITY, event.activityId(), event.name(), event.proposerUserId(),
                event.proposerOrgUnitId(), details, seq, at, actor);
    }

    @EventHandler
    void on(TaskProposed event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        Details activity = activity(event.activityId());
        proposed(ItemKind.TASK, event.taskId(), event.name(), event.proposerUserId(), event.proposerOrgUnitId(),
                activity.withTask(event.name()), seq, at, actor);
    }

    @EventHandler
    void on(DocumentProposed event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        proposed(ItemKind.DOCUMENT, event.documentId(), event.name(), event.proposerUserId(),
                event.proposerOrgUnitId(), task(event.taskId()), seq, at, actor);
    }

    @EventHandler
    void on(RiskProposed event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        proposed(ItemKind.RISK, event.riskId(), event.name(), event.proposerUserId(), event.proposerOrgUnitId(),
                activity(event.activityId()), seq, at, actor);
    }

    @EventHandler
    void on(ProposalAccepted event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        Item item = item(event.itemId(), event.kind());
        if (item.changedOnAcceptance()) {
            // acceptProposalWithChanges: the administrator's revision came first, in the entry's own stream
            String initially = item.proposedName() != null && !item.proposedName().equals(item.name())
                    ? " (propunerea inițială: „" + item.proposedName() + "”)" : "";
            tellTheProposer(event.itemId(), event.kind(), item, event.proposerUserId(), actor, NotificationKind.PROPOSAL_ACCEPTED,
                    "Propunerea a fost acceptată cu modificări", "a fost acceptată cu modificări" + initially
                            + " și face parte din nomenclatorul național.", seq, at);
        } else {
            tellTheProposer(event.itemId(), event.kind(), item, event.proposerUserId(), actor, NotificationKind.PROPOSAL_ACCEPTED,
                    "Propunerea a fost acceptată", "a fost acceptată și face parte din nomenclatorul național.", seq, at);
        }
    }

    @EventHandler
    void on(ProposalRejected event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        tellTheProposer(event.itemId(), event.kind(), item(event.itemId(), event.kind()), event.proposerUserId(), actor,
                NotificationKind.PROPOSAL_REJECTED,
                "Propunerea a fost respinsă: " + event.reason(), "a fost respinsă. Motiv: " + event.reason(), seq, at);
    }

    /** A correction of an approved entry, told to its proposer (unless they made it, or are a central administrator). */
    @EventHandler
    void on(ApprovedItemCorrected event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        String outcome = event.name().equals(event.previousName())
                ? "a fost corectată de un administrator central."
                : "a fost corectată de un administrator central (denumirea anterioară: „" + event.previousName() + "”).";
        tellTheProposer(event.itemId(), event.kind(), corrected(event), event.proposerUserId(), actor,
                NotificationKind.ENTRY_CORRECTED, "Intrare din nomenclator corectată", outcome, seq, at);
    }

    /**
     * The corrected entry as the event states it: the directory also handles this event, and the order of
     * the two in the group is not one to depend on. Its activity and task (other entries) are the directory's.
     */
    private Item corrected(ApprovedItemCorrected event) {
        Item known = item(event.itemId(), event.kind());
        Details details = switch (event.kind()) {
            case ACTIVITY -> {
                List<UUID> workUnits = event.workUnitIds() != null ? event.workUnitIds() : known.details().workUnitIds();
                yield new Details(ids(workUnits), workUnitNames(workUnits), event.name(), null);
            }
            case TASK -> known.details().withTask(event.name());
            case DOCUMENT, RISK -> known.details();
        };
        return new Item(event.name(), details, false, null);
    }

    /** A decision, told to the proposer: "Propunerea dumneavoastră privind <item> <outcome>". */
    private void tellTheProposer(UUID itemId, ItemKind kind, Item item, String proposerUserId, String actor,
                                 NotificationKind notification, String title, String outcome, Source seq, Instant at) {
        UUID proposer = uuid(proposerUserId);
        // nobody to tell: the proposer decided themselves, or a central administrator's own addition
        // (approved at once, also when MARC itself seeds it)
        if (proposer == null || proposerUserId.equals(actor) || isCentralAdministrator(proposerUserId)) {
            return;
        }
        String message = "Propunerea dumneavoastră privind " + articulated(kind) + quoted(item.name()) + " " + outcome;
        publish(insert(List.of(proposer), notification, title, message, itemId, kind.name(), item.details(), actor, seq, at));
    }

    // ------------------------------------------------------------------ regulatory causes

    @EventHandler
    void on(RegulatoryCauseAdded event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        // the author is who added it (the sender may be MARC itself, seeding demo data)
        String by = event.authorUserId() != null ? event.authorUserId() : actor;
        String message = who(by, event.authorOrgUnitId()) + " a adăugat o cauză din domeniul reglementărilor: "
                + describe(event.details()) + ".";
        publish(insert(centralAdministratorsBut(by), NotificationKind.CAUSE_ADDED,
                "Cauză din domeniul reglementărilor adăugată", message, event.causeId(), "CAUSE",
                causeDetails(event.details()), by, seq, at));
    }

    @EventHandler
    void on(RegulatoryCauseEdited event, @SequenceNumber long sequence, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue("userId") String actor) {
        Source seq = new Source(eventId, sequence);
        String message = who(actor, null) + " a modificat cauza din domeniul reglementărilor: "
                + describe(event.details()) + ".";
        publish(insert(centralAdministratorsBut(actor), NotificationKind.CAUSE_EDITED,
                "Cauză din domeniul reglementărilor modificată", message, event.causeId(), "CAUSE",
                causeDetails(event.details()), actor, seq, at));
    }

    // ------------------------------------------------------------------ recipients

    private void proposed(ItemKind kind, UUID itemId, String name, String proposerUserId, UUID proposerOrgUnitId,
                          Details details, Source seq, Instant at, String actor) {
        if (isCentralAdministrator(proposerUserId)) {
            return; // a central administrator's own addition, approved in the same step
        }
        String message = who(proposerUserId, proposerOrgUnitId) + " a propus " + articulated(kind) + quoted(name)
                + ". Propunerea așteaptă decizia unui administrator central.";
        publish(insert(centralAdministratorsBut(proposerUserId), NotificationKind.PROPOSAL_SUBMITTED,
                "Propunere nouă: " + label(kind), message, itemId, kind.name(), details,
                actor != null ? actor : proposerUserId, seq, at));
    }

    /** Whether the account holds the central administrator's role (at this point of the store's order). */
    private boolean isCentralAdministrator(String userId) {
        UUID id = uuid(userId);
        return id != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_account WHERE id = ? AND central_admin)")
                .param(id).query(Boolean.class).single();
    }

    /** The active central administrators, but {@code userId} (the one who acted). */
    private List<UUID> centralAdministratorsBut(String userId) {
        UUID except = uuid(userId);
        return jdbc.sql("SELECT id FROM notification_account WHERE central_admin AND active ORDER BY id")
                .query(UUID.class).list().stream()
                .filter(id -> !id.equals(except)).toList();
    }

    // ------------------------------------------------------------------ details

    /** The N02 details: work units (ids, and the names known), activity and task names. */
    private record Details(List<UUID> workUnitIds, List<String> workUnitNames, String activityName, String taskName) {
        static final Details NONE = new Details(List.of(), List.of(), null, null);

        Details withTask(String task) {
            return new Details(workUnitIds, workUnitNames, activityName, task);
        }
    }

    private record Item(String name, Details details, boolean changedOnAcceptance, String proposedName) {
    }

    private List<String> workUnitNames(Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + NotificationDirectory.WORK_UNIT_NAMES.formatted("?"))
                .param(ids.toArray(UUID[]::new)).query((rs, n) -> strings(rs.getArray(1))).single();
    }

    /** An activity's name and its work units, from the directory. */
    private Details activity(UUID activityId) {
        if (activityId == null) {
            return Details.NONE;
        }
        return jdbc.sql("SELECT i.name, i.work_unit_ids, " + NotificationDirectory.WORK_UNIT_NAMES.formatted("i.work_unit_ids")
                        + " AS work_units FROM notification_item i WHERE i.id = ?")
                .param(activityId).query((rs, n) -> new Details(ids((Object[]) rs.getArray("work_unit_ids").getArray()),
                        strings(rs.getArray("work_units")), rs.getString("name"), null))
                .optional().orElse(Details.NONE);
    }

    /** A task's name with its activity's details. */
    private Details task(UUID taskId) {
        Row task = row(taskId);
        if (task == null) {
            return Details.NONE;
        }
        return activity(task.activityId()).withTask(task.name());
    }

    /** An entry's name and details, from the directory (empty when it is not there). */
    private Item item(UUID itemId, ItemKind kind) {
        Row item = row(itemId);
        if (item == null) {
            return new Item(null, Details.NONE, false, null);
        }
        Details details = switch (kind) {
            case ACTIVITY, RISK -> activity(item.activityId());
            case TASK -> activity(item.activityId()).withTask(item.name());
            case DOCUMENT -> task(item.taskId());
        };
        return new Item(item.name(), details, item.changedOnAcceptance(), item.proposedName());
    }

    private record Row(String name, UUID activityId, UUID taskId, boolean changedOnAcceptance, String proposedName) {
    }

    private Row row(UUID itemId) {
        if (itemId == null) {
            return null;
        }
        return jdbc.sql("""
                        SELECT name, activity_id, task_id, changed_on_acceptance, proposed_name
                          FROM notification_item WHERE id = ?""").param(itemId)
                .query((rs, n) -> new Row(rs.getString("name"), rs.getObject("activity_id", UUID.class),
                        rs.getObject("task_id", UUID.class), rs.getBoolean("changed_on_acceptance"),
                        rs.getString("proposed_name")))
                .optional().orElse(null);
    }

    private Details causeDetails(RegulatoryCauseDetails cause) {
        Details activity = activity(cause.activityId());
        List<UUID> workUnits = cause.workUnitId() == null ? List.of() : List.of(cause.workUnitId());
        return new Details(workUnits, workUnitNames(workUnits), activity.activityName(), null);
    }

    /** "Ana Mureșan (IPJ Cluj)", from the directory. */
    private String who(String userId, UUID orgUnitId) {
        UUID id = uuid(userId);
        String name = id == null ? null : jdbc.sql("SELECT display_name FROM notification_account WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
        String orgUnit = orgUnitId == null ? null : jdbc.sql("SELECT name FROM notification_org_unit WHERE id = ?")
                .param(orgUnitId).query(String.class).optional().orElse(null);
        String who = name != null ? name : "Un utilizator";
        return orgUnit != null ? who + " (" + orgUnit + ")" : who;
    }

    private static String describe(RegulatoryCauseDetails d) {
        StringBuilder text = new StringBuilder();
        text.append(d.actTitle() != null ? "„" + d.actTitle() + "”" : "actul normativ");
        if (d.actNumber() != null) {
            text.append(" nr. ").append(d.actNumber()).append('/').append(d.yearInForce());
        }
        if (d.articleNumber() != null) {
            text.append(", art. ").append(d.articleNumber());
        }
        return text.toString();
    }

    private static String label(ItemKind kind) {
        return switch (kind) {
            case ACTIVITY -> "activitate vulnerabilă";
            case TASK -> "sarcină";
            case DOCUMENT -> "document";
            case RISK -> "risc de corupție";
        };
    }

    private static String articulated(ItemKind kind) {
        return switch (kind) {
            case ACTIVITY -> "activitatea vulnerabilă";
            case TASK -> "sarcina";
            case DOCUMENT -> "documentul";
            case RISK -> "riscul de corupție";
        };
    }

    private static String quoted(String name) {
        return name == null ? "" : " „" + name + "”";
    }

    // ------------------------------------------------------------------ writing and telling

    /** The event a notification comes from: its identifier (unique in the event store) and its entity's sequence number. */
    private record Source(String eventId, long sequence) {
    }

    private List<NotificationView> insert(List<UUID> recipients, NotificationKind kind, String title, String message,
                                          UUID subjectId, String subjectKind, Details details, String actor,
                                          Source seq, Instant at) {
        return writer.insert(recipients, new NotificationWriter.Draft(kind, NotificationSeverity.INFO, title, message,
                subjectId, subjectKind, details.workUnitIds(), details.workUnitNames(), details.activityName(),
                details.taskName(), actor), new NotificationWriter.Source(seq.eventId(), seq.sequence(), at));
    }

    /** Tells the listeners, once the unit of work has committed (at once without one). */
    private void publish(List<NotificationView> notifications) {
        writer.publish(notifications);
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<UUID> ids(Collection<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    private static List<UUID> ids(Object[] ids) {
        List<UUID> values = new ArrayList<>();
        for (Object id : ids) {
            values.add((UUID) id);
        }
        return List.copyOf(values);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            values.add((String) element);
        }
        return List.copyOf(values);
    }
}
