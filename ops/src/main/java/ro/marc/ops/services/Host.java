package ro.marc.ops.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Facts about the machine and small helpers to run its commands. */
final class Host {

    private Host() {}

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Where MARC keeps the unpacked Elasticsearch and local-run data: {@code ~/.cache/marc}. As root it is
     * {@code /var/cache/marc} instead, because root's home is usually mode 0700 and the unprivileged user
     * that runs Elasticsearch could not enter it.
     */
    static Path cacheDir() {
        return isRoot() ? Path.of("/var/cache/marc") : Path.of(System.getProperty("user.home"), ".cache", "marc");
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** Runs a command to completion and returns its exit code; its output goes to {@code output}. */
    static int exec(List<String> command, StringBuilder output) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    static void run(String... command) {
        StringBuilder output = new StringBuilder();
        int exit = exec(List.of(command), output);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit + ": " + output);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
