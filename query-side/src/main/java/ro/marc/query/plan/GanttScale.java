package ro.marc.query.plan;

/** The Gantt chart's time scale: one tick per day, per week (Mondays), per month or per year. */
public enum GanttScale {
    DAYS, WEEKS, MONTHS, YEAR
}
