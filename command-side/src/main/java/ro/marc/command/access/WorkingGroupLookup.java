package ro.marc.command.access;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.access.event.WorkingGroupDefined;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's lookup of working groups ({@code working_group_lookup}): one row per group with
 * its org unit, unique. A {@link CommandLookup} kept by {@link CommandLookups} in the transaction of
 * every {@link WorkingGroupDefined}: "one working group per org unit" is read here by the handler, and
 * when two definitions race for one org unit the second one's insert waits for the first and is refused
 * at commit with the same CONFLICT {@code WORKING_GROUP_EXISTS}. Rows are guarded by the group's id
 * (its only event here is its first, sequence 0).
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
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == WorkingGroupDefined.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof WorkingGroupDefined defined)) {
            return;
        }
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
