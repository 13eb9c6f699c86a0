package ro.marc.query.plan;

import ro.marc.events.plan.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's Gantt chart for a period ({@code from}–{@code to}, inclusive) at a scale: one bar per stage and
 * one per standard activity of each stage (A101: each activity runs over its stage, up to the stage's
 * deadline), clipped to the period (bars wholly outside it are left out), and the scale's ticks.
 */
public record Gantt(LocalDate from, LocalDate to, GanttScale scale, List<Bar> bars, List<Tick> ticks) {

    public Gantt {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    public enum BarKind { STAGE, ACTIVITY }

    /**
     * One bar. {@code start}/{@code end}: the stage's whole span; {@code shownStart}/{@code shownEnd}: the part
     * inside the period; {@code clippedStart}/{@code clippedEnd}: whether the bar goes on beyond the period.
     */
    public record Bar(BarKind kind, Stage stage, String label, LocalDate start, LocalDate end, LocalDate shownStart,
                      LocalDate shownEnd, boolean clippedStart, boolean clippedEnd) {
    }

    /** A tick of the time axis: the first day of its unit (or the period's first day) and its label. */
    public record Tick(LocalDate date, String label) {
    }
}
