package ro.marc.ops.services;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs registered steps at JVM exit in one shutdown hook, newest first. Separate hooks would run
 * concurrently, and a scratch database must be dropped before its server stops.
 */
final class Cleanup {

    private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private record Step(String description, Action action) {}

    private static final Deque<Step> steps = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "marc-services-cleanup"));
    }

    private Cleanup() {}

    static synchronized void atExit(String description, Action action) {
        steps.push(new Step(description, action));
    }

    private static synchronized void runAll() {
        for (Step step = steps.poll(); step != null; step = steps.poll()) {
            log.info("Cleanup: {}", step.description());
            try {
                step.action().run();
            } catch (Exception e) {
                log.warn("Cleanup step '{}' failed: {}", step.description(), e.toString());
            }
        }
    }
}
