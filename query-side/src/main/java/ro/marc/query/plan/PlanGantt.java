package ro.marc.query.plan;

import ro.marc.events.plan.Stage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Builds a plan's {@link Gantt} for a period and scale (the data behind both the GraphQL field and the picture). */
public final class PlanGantt {

    /** At most this many ticks (e.g. 400 days at the DAYS scale): a longer period is refused for the scale. */
    public static final int MAX_TICKS = 400;

    static final String[] MONTHS = {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
            "septembrie", "octombrie", "noiembrie", "decembrie"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    private PlanGantt() {
    }

    /** The number of ticks the period has at the scale (to check the period before building). */
    public static long tickCount(LocalDate from, LocalDate to, GanttScale scale) {
        return switch (scale) {
            case DAYS -> ChronoUnit.DAYS.between(from, to) + 1;
            case WEEKS -> ChronoUnit.WEEKS.between(from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), to) + 1;
            case MONTHS -> ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to) + 1;
            case YEAR -> to.getYear() - from.getYear() + 1;
        };
    }

    /** @throws IllegalArgumentException when {@code from} is after {@code to} */
    public static Gantt of(PlanView plan, LocalDate from, LocalDate to, GanttScale scale) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        List<Gantt.Bar> bars = new ArrayList<>();
        for (PlanView.StageSpan span : plan.stages()) {
            if (span.start() == null || span.deadline() == null || span.deadline().isBefore(span.start())) {
                continue; // a draft's stage without dates has no bar
            }
            if (span.deadline().isBefore(from) || span.start().isAfter(to)) {
                continue;
            }
            bars.add(bar(Gantt.BarKind.STAGE, span.stage(), span.stage().title(), span, from, to));
            for (String activity : span.stage().standardActivities()) {
                bars.add(bar(Gantt.BarKind.ACTIVITY, span.stage(), activity, span, from, to));
            }
        }
        return new Gantt(from, to, scale, bars, ticks(from, to, scale));
    }

    private static Gantt.Bar bar(Gantt.BarKind kind, Stage stage, String label, PlanView.StageSpan span, LocalDate from,
                                 LocalDate to) {
        boolean clippedStart = span.start().isBefore(from);
        boolean clippedEnd = span.deadline().isAfter(to);
        return new Gantt.Bar(kind, stage, label, span.start(), span.deadline(), clippedStart ? from : span.start(),
                clippedEnd ? to : span.deadline(), clippedStart, clippedEnd);
    }

    static List<Gantt.Tick> ticks(LocalDate from, LocalDate to, GanttScale scale) {
        List<Gantt.Tick> ticks = new ArrayList<>();
        LocalDate unit = switch (scale) {
            case DAYS -> from;
            case WEEKS -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHS -> from.withDayOfMonth(1);
            case YEAR -> from.withDayOfYear(1);
        };
        while (!unit.isAfter(to)) {
            LocalDate shown = unit.isBefore(from) ? from : unit;
            ticks.add(new Gantt.Tick(shown, label(unit, scale)));
            unit = switch (scale) {
                case DAYS -> unit.plusDays(1);
                case WEEKS -> unit.plusWeeks(1);
                case MONTHS -> unit.plusMonths(1);
                case YEAR -> unit.plusYears(1);
            };
        }
        return ticks;
    }

    /** Romanian labels: "02.11" (day), "S45 (02.11)" (ISO week and its Monday), "noiembrie 2026", "2026". */
    static String label(LocalDate unit, GanttScale scale) {
        return switch (scale) {
            case DAYS -> unit.format(DAY);
            case WEEKS -> "S" + unit.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " (" + unit.format(DAY) + ")";
            case MONTHS -> MONTHS[unit.getMonthValue() - 1] + " " + unit.getYear();
            case YEAR -> String.valueOf(unit.getYear());
        };
    }
}
