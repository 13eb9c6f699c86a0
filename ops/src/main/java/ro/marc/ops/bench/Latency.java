package ro.marc.ops.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (up to 10 minutes, 3 significant digits), reported in milliseconds. */
final class Latency {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private Latency() {}

    static Histogram newHistogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static double maxMs(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    static double meanMs(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1000.0;
    }

    /** p50, p90, p99, p99.9, max and mean in ms, for the RESULT line; NaN becomes null. */
    static Map<String, Object> summary(Histogram histogram) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50_ms", round(ms(histogram, 50)));
        summary.put("p90_ms", round(ms(histogram, 90)));
        summary.put("p99_ms", round(ms(histogram, 99)));
        summary.put("p999_ms", round(ms(histogram, 99.9)));
        summary.put("max_ms", round(maxMs(histogram)));
        summary.put("mean_ms", round(meanMs(histogram)));
        return summary;
    }

    static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1000.0) / 1000.0;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
