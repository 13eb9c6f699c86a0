package ro.marc.command.access;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.access.event.WorkingGroupDefined;
import ro.marc.events.access.event.WorkingGroupMemberAdded;
import ro.marc.events.access.event.WorkingGroupMemberRemoved;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's lookup of working groups ({@code working_group_lookup}): one row per group with
 * its org unit, unique. A {@link CommandLookup} kept by {@link CommandLookups} in the transaction of
 * every {@link WorkingGroupDefined}: "one working group per org unit" is read here by the handler, and
 * when two definitions race for one org unit the second one's insert waits for the first and is refused
 * at commit with the same CONFLICT {@code WORKING_GROUP_EXISTS}. Rows are guarded by the group's id
 * (its first event, sequence 0). Its members ({@code working_group_member_lookup}, for the plan's rule
 * "members of the structure's working group") follow {@link WorkingGroupMemberAdded} and
 * {@link WorkingGroupMemberRemoved}, guarded by the group's last applied sequence number.
 */
@Component
public class WorkingGroupLookup implements CommandLookup, WorkingGroupDirectory {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "working_group_lookup";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public WorkingGroupLookup(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<WorkingGroupFact> workingGroupOf(UUID orgUnitId) {
        return jdbc.sql("SELECT id, org_unit_id, name FROM working_group_lookup WHERE org_unit_id = ?").param(orgUnitId)
                .query((rs, n) -> new WorkingGroupFact(rs.getObject("id", UUID.class), rs.getObject("org_unit_id", UUID.class),
                        rs.getString("name"))).optional();
    }

    @Override
    public boolean isMember(UUID orgUnitId, UUID userId) {
        if (orgUnitId == null || userId == null) {
            return false;
        }
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM working_group_lookup g JOIN working_group_member_lookup m ON m.working_group_id = g.id
                                        WHERE g.org_unit_id = ? AND m.user_id = ?)""")
                .params(orgUnitId, userId).query(Boolean.class).single();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == WorkingGroupDefined.class || payloadType == WorkingGroupMemberAdded.class
                || payloadType == WorkingGroupMemberRemoved.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        switch (event.getPayload()) {
            case WorkingGroupMemberAdded added -> {
                if (advanced(added.workingGroupId(), event.getSequenceNumber())) {
                    jdbc.sql("""
                                    INSERT INTO working_group_member_lookup (working_group_id, user_id) VALUES (?, ?)
                                    ON CONFLICT DO NOTHING""")
                            .params(added.workingGroupId(), added.userId()).update();
                }
                return;
            }
            case WorkingGroupMemberRemoved removed -> {
                if (advanced(removed.workingGroupId(), event.getSequenceNumber())) {
                    jdbc.sql("DELETE FROM working_group_member_lookup WHERE working_group_id = ? AND user_id = ?")
                            .params(removed.workingGroupId(), removed.userId()).update();
                }
                return;
            }
            case WorkingGroupDefined defined -> define(event, defined);
            default -> {
            }
        }
    }

    /** Moves the group's last applied sequence number to {@code sequence}; false when it was there already (applied twice). */
    private boolean advanced(UUID workingGroupId, long sequence) {
        return jdbc.sql("UPDATE working_group_lookup SET last_event_sequence = ? WHERE id = ? AND last_event_sequence < ?")
                .params(sequence, workingGroupId, sequence).update() == 1;
    }

    private void define(DomainEventMessage<?> event, WorkingGroupDefined defined) {
        try {
            Savepoints.within(dataSource, () -> jdbc.sql("""
                            INSERT INTO working_group_lookup (id, org_unit_id, name, last_event_sequence) VALUES (?, ?, ?, ?)
                            ON CONFLICT (id) DO NOTHING""")
                    .params(defined.workingGroupId(), defined.orgUnitId(), defined.name(), event.getSequenceNumber())
                    .update());
        } catch (DuplicateKeyException taken) {
            // another group of the org unit committed first (visible now: this insert waited for that commit)
            Optional<WorkingGroupFact> existing = workingGroupOf(defined.orgUnitId())
                    .filter(g -> !g.workingGroupId().equals(defined.workingGroupId()));
            throw AccessRefusals.workingGroupExists(defined.orgUnitId(), existing.map(WorkingGroupFact::workingGroupId).orElse(null),
                    existing.map(WorkingGroupFact::name).orElse(null));
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM working_group_lookup").update();
    }
}
