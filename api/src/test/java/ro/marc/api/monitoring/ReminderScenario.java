package ro.marc.api.monitoring;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoActivityAnalysis;
import ro.marc.command.assessment.FinalisedAssessments;
import ro.marc.command.assessment.FinalisedAssessments.IdentifiedEdition;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.command.register.MeasureSchedules;
import ro.marc.events.assessment.Measure;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.RegisterIds;
import ro.marc.events.register.command.GenerateRiskRegister;
import ro.marc.events.register.command.SaveRiskRegister;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the reminder tests share: the demo IPJ Cluj register generated and saved by MARC itself with two measures due
 * on chosen days (every other one on the plan's last day), Axon's clock set to a day, and the reminders counted in
 * the event store.
 */
public final class ReminderScenario {

    private ReminderScenario() {
    }

    /** The two measures given {@code first} and {@code second} as deadlines (ONCE), in the demo's finalised assessments. */
    public record Saved(MeasureKey first, MeasureKey second) {
    }

    public static Saved saveDemoRegister(ApplicationContext context, LocalDate first, LocalDate second) {
        CommandGateway gateway = context.getBean(CommandGateway.class);
        PlanFact plan = context.getBean(ActivePlans.class).plan(DemoActivityAnalysis.PLAN).orElseThrow();
        var registerId = RegisterIds.of(plan.planId());
        long version = send(gateway, new GenerateRiskRegister(registerId, plan.planId()));
        List<IdentifiedEdition> editions = context.getBean(FinalisedAssessments.class).editionsUnder(plan.planId());
        // the demo may have marked measures done or finalised a monitoring: the two followed are still open
        JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
        List<MeasureKey> held = jdbc.sql("SELECT assessment_id, measure_id FROM measure_due_hold")
                .query((rs, n) -> new MeasureKey(rs.getObject(1, java.util.UUID.class), rs.getObject(2, java.util.UUID.class))).list();
        List<MeasureKey> open = new ArrayList<>();
        List<MeasureKey> all = new ArrayList<>();
        for (IdentifiedEdition edition : editions) {
            for (Measure measure : edition.edition().measures()) {
                MeasureKey key = new MeasureKey(edition.assessmentId(), measure.measureId());
                all.add(key);
                boolean isHeld = held.contains(key) || held.contains(new MeasureKey(edition.assessmentId(), new java.util.UUID(0, 0)));
                if (!isHeld) {
                    open.add(key);
                }
            }
        }
        if (open.size() < 2) {
            throw new AssertionError("the demo's finalised assessments hold fewer than two open measures: " + open);
        }
        // each measure keeps the periodicity the saved register (the demo's) gave it, so the periods the demo enters
        // values for stay (periods are anchored on the measures stage's start); the two followed are due on the days
        // given, every other one on the plan's last day
        MeasureSchedules saved = context.getBean(MeasureSchedules.class);
        List<MeasureSchedule> schedules = new ArrayList<>();
        for (MeasureKey key : all) {
            MeasurePeriodicity periodicity = saved.schedule(key.assessmentId(), key.measureId())
                    .map(MeasureSchedules.ScheduledMeasure::periodicity).orElse(MeasurePeriodicity.ONCE);
            LocalDate deadline = key.equals(open.get(0)) ? first : key.equals(open.get(1)) ? second : plan.lastDay();
            schedules.add(new MeasureSchedule(key.assessmentId(), key.measureId(), deadline, periodicity));
        }
        List<MeasureKey> keys = open;
        send(gateway, new SaveRiskRegister(registerId, plan.planId(), "4711/2027", "Comisar-șef Ion Aprobatu", schedules, version));
        return new Saved(keys.get(0), keys.get(1));
    }

    private static long send(CommandGateway gateway, Object command) {
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                Map.of("userId", "system", "role", "SYSTEM")));
        return ((Number) result).longValue();
    }

    /** Axon's clock (what "today" is for the command side) at noon of {@code day} in Romania. */
    public static void today(LocalDate day) {
        GenericEventMessage.clock = Clock.fixed(day.atTime(12, 0).atZone(RomanianCalendar.ROMANIA).toInstant(),
                RomanianCalendar.ROMANIA);
    }

    public static void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    /** How many events of {@code type} (MeasureDueSoon, MeasureOverdue) name the measure and the date. */
    public static long count(JdbcClient jdbc, String type, MeasureKey measure, String dateField, LocalDate date) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'assessmentId' = ?
                           AND convert_from(payload, 'UTF8')::jsonb ->> 'measureId' = ?
                           AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?""")
                .params("%" + type, measure.assessmentId().toString(), measure.measureId().toString(), dateField, date.toString())
                .query(Long.class).single();
    }

    public static long dueSoon(JdbcClient jdbc, MeasureKey measure, LocalDate due) {
        return count(jdbc, "MeasureDueSoon", measure, "dueDate", due);
    }

    public static long overdue(JdbcClient jdbc, MeasureKey measure, LocalDate deadline) {
        return count(jdbc, "MeasureOverdue", measure, "deadline", deadline);
    }

    /** The member's MEASURE_DUE_SOON notifications of the measure's assessment for that due date (its title names it). */
    public static long dueSoonNotifications(JdbcClient jdbc, MeasureKey measure, LocalDate due) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'MEASURE_DUE_SOON' AND subject_id = ? AND title LIKE ?")
                .params(measure.assessmentId(), "%(" + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(due) + ")%")
                .query(Long.class).single();
    }

    /** Waits (at most {@code seconds}) until {@code condition} holds. */
    public static void await(int seconds, java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
