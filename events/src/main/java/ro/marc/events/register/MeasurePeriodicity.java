package ro.marc.events.register;

import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a measure of the register repeats (§2.3: "zilnic, săptămânal, lunar, trimestrial etc."). ONCE is a
 * one-off measure: one period, ending on its deadline.
 *
 * <p>Periods are anchored on the plan's measures-stage start (stable across register editions, so indicator values
 * entered for a period keep their period when the register is saved again): period k ends on
 * {@code anchor + k × step − 1 day}; the last period ends on the deadline. Each period's end is its due date: the
 * day indicator values are due, reminded three days before.
 */
public enum MeasurePeriodicity {
    ONCE(null),
    DAILY(Period.ofDays(1)),
    WEEKLY(Period.ofWeeks(1)),
    MONTHLY(Period.ofMonths(1)),
    QUARTERLY(Period.ofMonths(3)),
    HALF_YEARLY(Period.ofMonths(6)),
    YEARLY(Period.ofYears(1));

    private final Period step;

    MeasurePeriodicity(Period step) {
        this.step = step;
    }

    /**
     * A one-off measure: every indicator done / not done (a procedure changed, an application built: realised once).
     * It has one period and takes only {@link #ONCE}.
     */
    public static boolean oneOff(Measure measure) {
        return !measure.indicators().isEmpty()
                && measure.indicators().stream().allMatch(i -> i.kind() == IndicatorKind.DONE_NOT_DONE);
    }

    public boolean repeating() {
        return step != null;
    }

    /** The due dates of the periods from {@code anchor} to {@code deadline} (inclusive), in order; the last is the deadline. */
    public List<LocalDate> dueDates(LocalDate anchor, LocalDate deadline) {
        List<LocalDate> dates = new ArrayList<>();
        if (step != null && anchor != null) {
            for (int k = 1; ; k++) {
                LocalDate end = anchor.plus(step.multipliedBy(k)).minusDays(1);
                if (!end.isBefore(deadline)) {
                    break;
                }
                dates.add(end);
            }
        }
        dates.add(deadline);
        return List.copyOf(dates);
    }
}
