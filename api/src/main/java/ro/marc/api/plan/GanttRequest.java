package ro.marc.api.plan;

import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.events.text.Excerpt;
import ro.marc.query.plan.Gantt;
import ro.marc.query.plan.GanttScale;
import ro.marc.query.plan.PlanGantt;
import ro.marc.query.plan.PlanView;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Gantt chart asked for (GraphQL {@code gantt} and the PNG endpoint alike): the period and scale checked,
 * each refusal naming its field ({@code from}, {@code to}, {@code scale}). Defaults: from the plan's start, to
 * its last deadline (a year after the start while it has none), by months.
 */
final class GanttRequest {

    private GanttRequest() {
    }

    static Gantt build(PlanView plan, String from, String to, String scale, LocalDate today) {
        GanttScale s = scale(scale);
        LocalDate start = Inputs.date("from", from);
        LocalDate end = Inputs.date("to", to);
        if (start == null) {
            start = plan.startDate() != null ? plan.startDate() : today;
        }
        if (end == null) {
            end = plan.stages().stream().map(PlanView.StageSpan::deadline).filter(Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(start.plusYears(1).minusDays(1));
            if (end.isBefore(start)) {
                end = start.plusYears(1).minusDays(1);
            }
        }
        if (start.isAfter(end)) {
            throw new InvalidInput("to", "EMPTY_PERIOD", "The period ends (" + end + ") before it starts (" + start + ")");
        }
        if (PlanGantt.tickCount(start, end, s) > PlanGantt.MAX_TICKS) {
            throw new InvalidInput("to", "OUT_OF_RANGE", "The period is too long for the scale " + s + " (at most "
                    + PlanGantt.MAX_TICKS + " ticks); choose a shorter period or a larger scale");
        }
        return PlanGantt.of(plan, start, end, s);
    }

    static GanttScale scale(String value) {
        if (value == null || value.isBlank()) {
            return GanttScale.MONTHS;
        }
        try {
            return GanttScale.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("scale", "UNKNOWN_SCALE", Excerpt.quoted(value) + " is not a scale; one of "
                    + Arrays.toString(GanttScale.values()));
        }
    }
}
