package ro.marc.ops.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link AssessmentBenchmark} ({@code --name value} or {@code --name=value}); every
 * endpoint on this machine's loopback interface, as for {@link BenchOptions}.
 */
record AssessmentBenchOptions(
        List<URI> urls,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        URI elasticsearchUrl,
        String elasticsearchIndex,
        List<Integer> members,
        int operations,
        int warmup,
        int autosaveMillis,
        int finaliseEvery,
        List<String> users,
        int baselineConnections,
        int projectionTimeoutSeconds,
        int pgPollMillis,
        int esPollMillis,
        String windowFile,
        int profiledMembers) {

    static final String USAGE = "Usage: AssessmentBenchmark [options] (client k = member k)\n" + BenchOptions.ENDPOINTS_USAGE + """
              --es-index NAME      the assessments' index, <prefix>-assessments (default marc-assessments)
              --members C[,C...]   concurrent members, one phase each, in order (default 50,100,200)
              --operations N       measured operations per phase    (default 1500)
              --warmup W           unmeasured operations per phase, unpaced (default 200)
              --autosave-ms T      each member's form autosaves every T ms, ±20% (default 3000;
                                   0 = closed loop: the next save as soon as the last is answered)
              --finalise-every K   every K-th operation of a member finalises its assessment, and the
                                   next one opens a new edition (default 20; 0 = never)
              --users U[,U...]     the demo members who act, member k as U[k mod n] (default
                                   member.cluj,counsellor.cluj: IPJ Cluj's plan members with a finalised Anexa 3)
              --baseline-connections B  JDBC connections of the INSERT+COMMIT baseline, at most C (default 16:
                                   the server's 100 connections are shared with the app and its pool)
            """ + BenchOptions.WATCHERS_USAGE + """
              --window-file PATH   write the measured phase of --profiled-members (epoch ms start end) there,
                                   for the JFR profile of that phase
              --profiled-members C the phase whose window is written (default 100, else the last)
            Every URL must point at 127.0.0.1 / localhost / ::1.""";

    private static final Set<String> NAMES = Set.of("url", "jdbc", "db-user", "db-password", "es", "es-index", "members",
            "operations", "warmup", "autosave-ms", "finalise-every", "users", "baseline-connections",
            "projection-timeout-seconds", "pg-poll-ms", "es-poll-ms", "window-file", "profiled-members");

    static AssessmentBenchOptions parse(String[] args) {
        Map<String, String> values = BenchOptions.values(args, NAMES);
        AssessmentBenchOptions options = new AssessmentBenchOptions(
                BenchOptions.urls(values.getOrDefault("url", "http://127.0.0.1:8080")),
                BenchOptions.loopbackJdbc(values.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/marc")),
                values.getOrDefault("db-user", "postgres"),
                values.getOrDefault("db-password", ""),
                BenchOptions.loopbackHttp("es", BenchOptions.stripSlash(values.getOrDefault("es", "http://127.0.0.1:9200"))),
                values.getOrDefault("es-index", "marc-assessments"),
                members(values.getOrDefault("members", "50,100,200")),
                BenchOptions.positive("operations", values.getOrDefault("operations", "1500"), 1, 1_000_000),
                BenchOptions.positive("warmup", values.getOrDefault("warmup", "200"), 0, 1_000_000),
                BenchOptions.positive("autosave-ms", values.getOrDefault("autosave-ms", "3000"), 0, 600_000),
                BenchOptions.positive("finalise-every", values.getOrDefault("finalise-every", "20"), 0, 1_000_000),
                users(values.getOrDefault("users", "member.cluj,counsellor.cluj")),
                BenchOptions.positive("baseline-connections", values.getOrDefault("baseline-connections", "16"), 1, 512),
                BenchOptions.positive("projection-timeout-seconds", values.getOrDefault("projection-timeout-seconds", "600"), 1, 3600),
                BenchOptions.positive("pg-poll-ms", values.getOrDefault("pg-poll-ms", "5"), 1, 10_000),
                BenchOptions.positive("es-poll-ms", values.getOrDefault("es-poll-ms", "10"), 1, 10_000),
                values.get("window-file"),
                BenchOptions.positive("profiled-members", values.getOrDefault("profiled-members", "100"), 1, 512));
        if (!options.elasticsearchIndex().matches("[a-z0-9][a-z0-9._-]*")) {
            throw new BenchOptions.UsageException("--es-index must be a plain index name, got '" + options.elasticsearchIndex() + "'");
        }
        if (options.finaliseEvery() == 1) {
            throw new BenchOptions.UsageException("--finalise-every must be 0 or at least 2 (a member saves between finalisations)");
        }
        return options;
    }

    /** The phase whose window goes to {@code --window-file}: the profiled one when it runs, else the last. */
    int profiledPhase() {
        return members.contains(profiledMembers) ? profiledMembers : members.getLast();
    }

    private static List<Integer> members(String value) {
        List<Integer> members = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                members.add(BenchOptions.positive("members", part, 1, 512));
            }
        }
        if (members.isEmpty()) {
            throw new BenchOptions.UsageException("--members needs at least one count");
        }
        return List.copyOf(members);
    }

    private static List<String> users(String value) {
        List<String> users = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                if (!part.trim().matches("[a-z][a-z.]*")) {
                    throw new BenchOptions.UsageException("--users takes demo user names, got '" + part + "'");
                }
                users.add(part.trim());
            }
        }
        if (users.isEmpty()) {
            throw new BenchOptions.UsageException("--users needs at least one demo user");
        }
        return List.copyOf(users);
    }
}
