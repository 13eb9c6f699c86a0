package ro.marc.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/** What the write benchmarks' reports share: the progress line, the load average, a latency row, the window file. */
final class BenchSupport {

    private BenchSupport() {}

    /** A benchmark's run on its parsed options: its exit code. */
    interface Run<O> {
        int run(O options) throws Exception;
    }

    /**
     * A benchmark's {@code main}: the options parsed (a bad command line prints the message and {@code usage}, exit
     * code 2; -h / --help the usage alone, 0), the run's exit code, or 3 when the run could not be carried out
     * ({@code endpoints} says where it looked when it could not connect).
     */
    static <O> void main(String[] args, Function<String[], O> parse, String usage,
                         Function<O, String> endpoints, Run<O> run) {
        O options;
        try {
            options = parse.apply(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(usage);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int exit;
        try {
            exit = run.run(options);
        } catch (java.net.ConnectException e) {
            System.err.println("BENCHMARK FAILED: cannot connect to " + endpoints.apply(options) + " (" + e + "); is the app running?");
            exit = 3;
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.err);
            exit = 3;
        }
        System.exit(exit);
    }

    /** A progress line on stderr (the report goes to stdout). */
    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** A measured phase's start and end (epoch ms) in {@code file} (none: nothing), for the profile of that phase. */
    static void writeWindow(String file, long startMillis, long endMillis) {
        if (file != null) {
            try {
                Files.writeString(Path.of(file), startMillis + " " + endMillis + "\n");
            } catch (IOException e) {
                progress("could not write %s: %s", file, e.getMessage());
            }
        }
    }

    static void latencyRow(PrintStream out, String label, Histogram histogram) {
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %9s %9s %9s%n", label,
                Latency.fmt(Latency.ms(histogram, 50)), Latency.fmt(Latency.ms(histogram, 90)),
                Latency.fmt(Latency.ms(histogram, 99)), Latency.fmt(Latency.ms(histogram, 99.9)),
                Latency.fmt(Latency.maxMs(histogram)), Latency.fmt(Latency.meanMs(histogram)));
    }

    static void latencyHeader(PrintStream out) {
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "p99.9", "max", "mean");
    }

    static String verdictWord(boolean met) {
        return met ? "met" : "NOT met";
    }
}
