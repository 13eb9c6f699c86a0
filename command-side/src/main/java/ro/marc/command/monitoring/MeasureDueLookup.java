package ro.marc.command.monitoring;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.command.common.lookup.CommandLookup;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.monitoring.event.MeasureDueSoon;
import ro.marc.events.monitoring.event.MeasureMarkedDone;
import ro.marc.events.monitoring.event.MeasureOverdue;
import ro.marc.events.monitoring.event.MonitoringFinalised;
import ro.marc.events.plan.event.PlanClosed;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterEdition;
import ro.marc.events.register.event.RiskRegisterSaved;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reminders' command-side lookup ({@code measure_due_lookup} and {@code measure_due_hold}), kept by
 * {@link ro.marc.command.common.lookup.CommandLookups} in the transaction of every event that changes what is due:
 * a register save schedules the rows, a reminder or overdue flag settles its row, a measure done, a monitoring
 * finalised or an assessment inactivated holds them, a plan closed drops them. It answers {@link DueMeasures} for
 * the sweep: a reminder appended through one node is settled for every node in the same commit, and a row whose
 * date passed without its reminder (MARC down past the due date) is no longer selected, so nothing is selected
 * forever. The events come from several streams (register, monitoring, assessment, plan), so there is no one
 * sequence to guard with: every write is idempotent instead (upserts, "settled = true", inserts that ignore a
 * conflict), and a register save older than what the plan's rows hold changes nothing.
 */
@Component
public class MeasureDueLookup implements CommandLookup, DueMeasures {

    public static final String NAME = "measure_due_lookup";
    /** measure_due_hold's measure id for a hold of the whole assessment. */
    static final UUID WHOLE = new UUID(0, 0);
    private static final Set<Class<?>> HANDLED = Set.of(RiskRegisterSaved.class, MeasureDueSoon.class,
            MeasureOverdue.class, MeasureMarkedDone.class, MonitoringFinalised.class, RiskAssessmentInactivated.class,
            RiskAssessmentReactivated.class, PlanClosed.class);

    private final JdbcClient jdbc;

    public MeasureDueLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> assessmentsDue(LocalDate today, int limit) {
        // a DUE_SOON row is due from three days before to its due date; an OVERDUE row from the day after the deadline on
        return jdbc.sql("""
                        SELECT l.assessment_id FROM measure_due_lookup l
                         WHERE NOT l.settled AND l.fire_on <= :today AND (l.kind = 'OVERDUE' OR l.due_date >= :today)
                           AND NOT EXISTS (SELECT 1 FROM measure_due_hold h WHERE h.assessment_id = l.assessment_id
                                              AND h.measure_id IN (l.measure_id, :whole))
                         GROUP BY l.assessment_id ORDER BY min(l.fire_on), l.assessment_id LIMIT :limit""")
                .param("today", today).param("whole", WHOLE).param("limit", limit)
                .query(UUID.class).list();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    public void apply(DomainEventMessage<?> event) {
        switch (event.getPayload()) {
            case RiskRegisterSaved e -> saved(e.edition());
            case MeasureDueSoon e -> settle(e.assessmentId(), e.measureId(), "DUE_SOON", e.dueDate());
            case MeasureOverdue e -> settle(e.assessmentId(), e.measureId(), "OVERDUE", e.deadline());
            case MeasureMarkedDone e -> hold(e.assessmentId(), e.measureId(), "DONE");
            case MonitoringFinalised e -> hold(e.assessmentId(), WHOLE, "FINALISED");
            case RiskAssessmentInactivated e -> hold(e.assessmentId(), WHOLE, "INACTIVE");
            case RiskAssessmentReactivated e -> jdbc.sql("""
                            DELETE FROM measure_due_hold WHERE assessment_id = ? AND measure_id = ? AND reason = 'INACTIVE'""")
                    .params(e.assessmentId(), WHOLE).update();
            case PlanClosed e -> jdbc.sql("DELETE FROM measure_due_lookup WHERE plan_id = ?").param(e.planId()).update();
            default -> {
            }
        }
    }

    /** The plan's rows become the edition's schedules; rows already settled stay settled. */
    private void saved(RegisterEdition edition) {
        Integer newest = jdbc.sql("SELECT max(edition) FROM measure_due_lookup WHERE plan_id = ?").param(edition.planId())
                .query(Integer.class).optional().orElse(null);
        if (newest != null && newest > edition.edition()) {
            return; // an older save applied again
        }
        for (MeasureSchedule schedule : edition.schedules()) {
            for (LocalDate due : MeasureMonitoring.remindedDates(schedule.periodicity(), edition.measuresStageStart(),
                    schedule.deadline())) {
                row(schedule, "DUE_SOON", due, due.minusDays(MeasureMonitoring.REMIND_DAYS_BEFORE), edition);
            }
            row(schedule, "OVERDUE", schedule.deadline(), schedule.deadline().plusDays(1), edition);
        }
        jdbc.sql("DELETE FROM measure_due_lookup WHERE plan_id = ? AND edition < ? AND NOT settled")
                .params(edition.planId(), edition.edition()).update();
    }

    private void row(MeasureSchedule schedule, String kind, LocalDate due, LocalDate fireOn, RegisterEdition edition) {
        jdbc.sql("""
                        INSERT INTO measure_due_lookup (assessment_id, measure_id, kind, due_date, fire_on, plan_id, edition)
                        VALUES (:assessment, :measure, :kind, :due, :fireOn, :plan, :edition)
                        ON CONFLICT (assessment_id, measure_id, kind, due_date) DO UPDATE
                           SET fire_on = EXCLUDED.fire_on, plan_id = EXCLUDED.plan_id, edition = EXCLUDED.edition""")
                .param("assessment", schedule.assessmentId()).param("measure", schedule.measureId()).param("kind", kind)
                .param("due", due).param("fireOn", fireOn).param("plan", edition.planId())
                .param("edition", edition.edition()).update();
    }

    private void settle(UUID assessmentId, UUID measureId, String kind, LocalDate due) {
        jdbc.sql("""
                        UPDATE measure_due_lookup SET settled = true
                         WHERE assessment_id = ? AND measure_id = ? AND kind = ? AND due_date = ?""")
                .params(assessmentId, measureId, kind, due).update();
    }

    private void hold(UUID assessmentId, UUID measureId, String reason) {
        jdbc.sql("INSERT INTO measure_due_hold (assessment_id, measure_id, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(assessmentId, measureId, reason).update();
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM measure_due_lookup").update();
        jdbc.sql("DELETE FROM measure_due_hold").update();
    }
}
