package ro.marc.command.register;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.command.common.lookup.CommandLookups;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.event.RiskRegisterSaved;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The register's command-side lookup ({@code measure_schedule_lookup}), kept by {@link CommandLookups} in the
 * transaction of every {@link RiskRegisterSaved}: the schedules of each plan's last saved edition, which replace the
 * plan's previous ones. {@code measure_schedule_plan_lookup} remembers the last save applied per plan, so a save
 * applied twice or late changes nothing.
 */
@Component
public class MeasureScheduleLookup implements CommandLookup, MeasureSchedules {

    /** The lookup's row in {@code command_lookup_build}. */
    public static final String NAME = "measure_schedule_lookup";

    private static final String COLUMNS = """
            SELECT register_id, register_edition, plan_id, org_unit_id, assessment_id, measure_id, deadline, periodicity,
                   anchor FROM measure_schedule_lookup""";

    private final JdbcClient jdbc;

    public MeasureScheduleLookup(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<ScheduledMeasure> forAssessment(UUID assessmentId) {
        if (assessmentId == null) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE assessment_id = ? ORDER BY position").param(assessmentId)
                .query(MeasureScheduleLookup::row).list();
    }

    @Override
    public Optional<ScheduledMeasure> schedule(UUID assessmentId, UUID measureId) {
        if (assessmentId == null || measureId == null) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE assessment_id = ? AND measure_id = ?").params(assessmentId, measureId)
                .query(MeasureScheduleLookup::row).optional();
    }

    private static ScheduledMeasure row(ResultSet rs, int row) throws SQLException {
        Date anchor = rs.getDate("anchor");
        return new ScheduledMeasure(rs.getObject("register_id", UUID.class), rs.getInt("register_edition"),
                rs.getObject("plan_id", UUID.class), rs.getObject("org_unit_id", UUID.class),
                rs.getObject("assessment_id", UUID.class), rs.getObject("measure_id", UUID.class),
                rs.getDate("deadline").toLocalDate(), MeasurePeriodicity.valueOf(rs.getString("periodicity")),
                anchor == null ? null : anchor.toLocalDate());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == RiskRegisterSaved.class;
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof RiskRegisterSaved saved)) {
            return;
        }
        long seq = event.getSequenceNumber();
        RegisterEdition edition = saved.edition();
        // the plan's marker row decides: a save not newer than the last applied one changes nothing
        int newer = jdbc.sql("""
                        INSERT INTO measure_schedule_plan_lookup (plan_id, register_id, register_edition, last_seq)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (plan_id) DO UPDATE
                           SET register_id = EXCLUDED.register_id, register_edition = EXCLUDED.register_edition,
                               last_seq = EXCLUDED.last_seq
                         WHERE measure_schedule_plan_lookup.last_seq < EXCLUDED.last_seq""")
                .params(edition.planId(), saved.registerId(), edition.edition(), seq).update();
        if (newer == 0) {
            return;
        }
        jdbc.sql("DELETE FROM measure_schedule_lookup WHERE plan_id = ?").param(edition.planId()).update();
        int position = 0;
        for (MeasureSchedule schedule : edition.schedules()) {
            MeasurePeriodicity periodicity = schedule.periodicity() == null ? MeasurePeriodicity.ONCE : schedule.periodicity();
            jdbc.sql("""
                            INSERT INTO measure_schedule_lookup (assessment_id, measure_id, plan_id, register_id,
                                   register_edition, org_unit_id, deadline, periodicity, anchor, position)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(schedule.assessmentId(), schedule.measureId(), edition.planId(), saved.registerId(),
                            edition.edition(), edition.orgUnitId(), schedule.deadline(), periodicity.name(),
                            edition.measuresStageStart(), position++).update();
        }
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM measure_schedule_lookup").update();
        jdbc.sql("DELETE FROM measure_schedule_plan_lookup").update();
    }
}
