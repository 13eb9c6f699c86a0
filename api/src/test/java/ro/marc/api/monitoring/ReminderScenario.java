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
        List<MeasureSchedule> schedules = new ArrayList<>();
        List<MeasureKey> keys = new ArrayList<>();
        for (IdentifiedEdition edition : editions) {
            for (Measure measure : edition.edition().measures()) {
                LocalDate deadline = switch (keys.size()) {
                    case 0 -> first;
                    case 1 -> second;
                    default -> plan.lastDay();
                };
                keys.add(new MeasureKey(edition.assessmentId(), measure.measureId()));
                schedules.add(new MeasureSchedule(edition.assessmentId(), measure.measureId(), deadline, MeasurePeriodicity.ONCE));
            }
        }
        if (keys.size() < 2) {
            throw new AssertionError("the demo's finalised assessments hold fewer than two measures: " + keys);
        }
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
