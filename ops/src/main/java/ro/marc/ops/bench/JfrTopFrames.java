package ro.marc.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a command's time goes: the top frames of {@code jdk.ExecutionSample} in JFR recordings of the
 * app, during the benchmark's measured phase only, on the request threads only.
 * <pre>
 *   JfrTopFrames --jfr app.jfr [--jfr app2.jfr] [--window-file window.txt | --from MS --to MS]
 *                [--threads request|all|REGEX] [--top 15] [--commands N] [--period-ms 10]
 * </pre>
 * {@code request} (default) keeps virtual threads (Spring Boot runs each Tomcat request on one) and
 * Tomcat's platform request threads; the thread table shows what was left out. "self" = the sample's
 * top frame; "total" = the method is anywhere in the sample's stack (counted once per sample). With
 * {@code --commands}, samples × period / commands estimates the sampled ms per command (JFR samples
 * threads running Java code, at most a few per period, so this is a rough lower bound of CPU).
 */
public final class JfrTopFrames {

    /**
     * Components of a request, by frame prefix. A sample counts for the component of the frame nearest to
     * its top that matches one (so JDK frames count for the library that called them); first match wins.
     */
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"PostgreSQL driver, Hikari", "org.postgresql.", "com.zaxxer.hikari."},
            new String[] {"Jackson (JSON)", "tools.jackson.", "com.fasterxml.jackson."},
            new String[] {"JWT (Nimbus, Spring JWT decoder)", "com.nimbusds.", "org.springframework.security.oauth2.jwt."},
            new String[] {"Spring Security (filters, authorisation)", "org.springframework.security."},
            new String[] {"GraphQL parse", "graphql.parser.", "graphql.org.antlr."},
            new String[] {"GraphQL validation", "graphql.validation."},
            new String[] {"GraphQL engine (execution, instrumentation)", "graphql.", "org.springframework.graphql."},
            new String[] {"Axon (command bus, aggregate load, event store, UoW)", "org.axonframework."},
            new String[] {"MARC audit", "ro.marc.api.audit."},
            new String[] {"MARC authorisation, caller", "ro.marc.api.authorization."},
            new String[] {"MARC other (controllers, domain, read models)", "ro.marc."},
            new String[] {"Micrometer observation", "io.micrometer."},
            new String[] {"logging", "ch.qos.logback.", "org.slf4j."},
            new String[] {"Tomcat, HTTP", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."},
            new String[] {"Spring other (web, tx, AOP, context)", "org.springframework."});
    /** Inclusive markers: samples with the frame anywhere on the stack. */
    private static final List<String[]> INCLUSIVE = List.of(
            new String[] {"Axon command dispatch, all below it (handler, load, append, commit)", "org.axonframework.commandhandling.SimpleCommandBus"},
            new String[] {"ReadYourWrites.awaitVersion (the mutation waits for its read model)", "ro.marc.api.common.ReadYourWrites"},
            new String[] {"GraphQL parse + validation", "graphql.ParseAndValidate"});
    /**
     * Frames every request passes through (thread start, Tomcat, servlet filters, observation wrappers),
     * left out of the "total" table: they would fill it with ~100% rows that say nothing.
     */
    private static final Pattern PLUMBING = Pattern.compile("(java\\.lang\\.(Thread|VirtualThread|invoke|reflect)"
            + "|jdk\\.internal|java\\.util\\.concurrent|org\\.apache\\.(catalina|coyote|tomcat)|jakarta\\.servlet"
            + "|org\\.springframework\\.(web\\.filter|security\\.web|web\\.servlet|graphql\\.server|aop|cglib)"
            + "|io\\.micrometer\\.observation|reactor\\.|ro\\.marc\\.api\\.web).*");
    private static final Pattern REQUEST_THREADS = Pattern.compile("http-nio.*|tomcat-handler.*|.*-exec-\\d+");

    private JfrTopFrames() {}

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        String threads = "request";
        int top = 15;
        long commands = 0;
        double periodMs = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--jfr" -> files.add(Path.of(value));
                case "--window-file" -> {
                    String[] window = Files.readString(Path.of(value)).trim().split("\\s+");
                    from = Long.parseLong(window[0]);
                    to = Long.parseLong(window[1]);
                }
                case "--from" -> from = Long.parseLong(value);
                case "--to" -> to = Long.parseLong(value);
                case "--threads" -> threads = value;
                case "--top" -> top = Integer.parseInt(value);
                case "--commands" -> commands = Long.parseLong(value);
                case "--period-ms" -> periodMs = Double.parseDouble(value);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (files.isEmpty() || args.length % 2 != 0) {
            usage(files.isEmpty() ? "--jfr is required" : "options come in pairs");
        }
        Pattern custom = threads.equals("request") || threads.equals("all") ? null : Pattern.compile(threads);

        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> selfByPackage = new HashMap<>();
        Map<String, Integer> threadGroups = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        int[] inclusive = new int[INCLUSIVE.size()];
        int inWindow = 0;
        int kept = 0;
        int all = 0;
        for (Path file : files) {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                all++;
                long at = event.getStartTime().toEpochMilli();
                if (at < from || at > to) {
                    continue;
                }
                inWindow++;
                RecordedThread thread = event.getThread("sampledThread");
                String name = thread == null ? "?" : thread.getJavaName() == null ? "" : thread.getJavaName();
                boolean virtual = thread != null && thread.isVirtual();
                boolean keep = switch (threads) {
                    case "all" -> true;
                    case "request" -> virtual || REQUEST_THREADS.matcher(name).matches();
                    default -> custom.matcher(name).matches();
                };
                String group = (virtual ? "[virtual] " : "") + name.replaceAll("\\d+", "N");
                threadGroups.merge((keep ? "+ " : "- ") + group, 1, Integer::sum);
                if (!keep) {
                    continue;
                }
                kept++;
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    self.merge("(no stack)", 1, Integer::sum);
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                String topFrame = frameName(frames.getFirst());
                self.merge(topFrame, 1, Integer::sum);
                selfByPackage.merge(packageOf(frames.getFirst()), 1, Integer::sum);
                Set<String> once = new HashSet<>();
                boolean[] marked = new boolean[INCLUSIVE.size()];
                String component = null;
                for (RecordedFrame frame : frames) {
                    String frameName = frameName(frame);
                    if (component == null) {
                        component = componentOf(frameName);
                    }
                    if (once.add(frameName)) {
                        total.merge(frameName, 1, Integer::sum);
                        for (int m = 0; m < INCLUSIVE.size(); m++) {
                            marked[m] |= frameName.startsWith(INCLUSIVE.get(m)[1]);
                        }
                    }
                }
                components.merge(component == null ? "JDK, other" : component, 1, Integer::sum);
                for (int m = 0; m < INCLUSIVE.size(); m++) {
                    inclusive[m] += marked[m] ? 1 : 0;
                }
            }
        }

        PrintLine out = new PrintLine();
        out.line("JFR jdk.ExecutionSample: %d samples in %s; %d in the measured window %s; %d on the kept threads (%s)",
                all, files, inWindow, from == Long.MIN_VALUE ? "(whole recording)"
                        : Instant.ofEpochMilli(from) + " .. " + Instant.ofEpochMilli(to), kept, threads);
        if (commands > 0 && kept > 0) {
            out.line("  ≈ %.2f ms sampled per command on those threads (%d samples × %.1f ms / %d commands; a lower bound of CPU)",
                    kept * periodMs / commands, kept, periodMs, commands);
        }
        out.line("");
        out.line("Threads in the window (+ kept, - left out; digits shown as N):");
        print(out, threadGroups, 12, inWindow);
        out.line("");
        out.line("Top %d frames by self samples (the frame running when sampled):", top);
        print(out, self, top, kept);
        out.line("");
        out.line("Top %d frames by total samples (the frame anywhere on the stack; thread, Tomcat, servlet-filter and", top);
        out.line("observation plumbing left out, it is on ~every stack):");
        Map<String, Integer> totalWithoutPlumbing = new HashMap<>(total);
        totalWithoutPlumbing.keySet().removeIf(frame -> PLUMBING.matcher(frame).matches());
        print(out, totalWithoutPlumbing, top, kept);
        out.line("");
        out.line("Where the time goes, by component (the sample's nearest frame of a known library or of MARC):");
        print(out, components, COMPONENTS.size() + 1, kept);
        out.line("Inclusive (the frame anywhere on the stack):");
        for (int m = 0; m < INCLUSIVE.size(); m++) {
            out.line("  %6d %5.1f%%  %s", inclusive[m], kept == 0 ? 0.0 : 100.0 * inclusive[m] / kept, INCLUSIVE.get(m)[0]);
        }
        out.line("");
        out.line("Self samples by package (first four segments):");
        print(out, selfByPackage, top, kept);
    }

    private static String componentOf(String frameName) {
        for (String[] component : COMPONENTS) {
            for (int i = 1; i < component.length; i++) {
                if (frameName.startsWith(component[i])) {
                    return component[0];
                }
            }
        }
        return null;
    }

    private static String frameName(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "(unknown)";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "(unknown)";
        }
        String type = frame.getMethod().getType().getName();
        int last = type.lastIndexOf('.');
        String pkg = last < 0 ? "(default)" : type.substring(0, last);
        String[] parts = pkg.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.min(4, parts.length)));
    }

    private static void print(PrintLine out, Map<String, Integer> counts, int top, int of) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> out.line("  %6d %5.1f%%  %s", e.getValue(), of == 0 ? 0.0 : 100.0 * e.getValue() / of, e.getKey()));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: JfrTopFrames --jfr FILE [--jfr FILE ...] [--window-file F | --from MS --to MS]"
                + " [--threads request|all|REGEX] [--top 15] [--commands N] [--period-ms 10]");
        System.exit(2);
    }

    private static final class PrintLine {
        void line(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }
}
