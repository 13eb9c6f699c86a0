package ro.marc.ops.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of {@link OrgCommandBenchmark}: {@code --name value} or {@code --name=value}.
 * Every endpoint must be on this machine's loopback interface: the benchmark never talks to anything else.
 */
record BenchOptions(
        List<URI> urls,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        URI elasticsearchUrl,
        String elasticsearchIndex,
        Workload workload,
        int commands,
        int clients,
        int warmup,
        int projectionTimeoutSeconds,
        int pgPollMillis,
        int esPollMillis,
        int parents,
        String windowFile,
        String edit) {

    /** The endpoint options every write benchmark takes, as its usage lists them. */
    static final String ENDPOINTS_USAGE = """
              --url URL[,URL...]   MARC base URL(s), one per node; client k sends to node k mod n
                                   (default http://127.0.0.1:8080)
              --jdbc URL           the app's PostgreSQL database    (default jdbc:postgresql://127.0.0.1:5432/marc)
              --db-user USER       (default postgres)
              --db-password PWD    (default empty)
              --es URL             Elasticsearch                    (default http://127.0.0.1:9200)
            """;
    /** The options of the read-model watchers every write benchmark takes. */
    static final String WATCHERS_USAGE = """
              --projection-timeout-seconds S  wait for the read models after the last ack (default 600: a lagging
                                   Elasticsearch projection must drain for its lag p99 to be known)
              --pg-poll-ms MS      PostgreSQL read-model poll interval (default 5)
              --es-poll-ms MS      Elasticsearch read-model poll interval (default 10)
            """;

    static final String USAGE = "Usage: OrgCommandBenchmark [options]\n" + ENDPOINTS_USAGE + """
              --es-index NAME      the workload's index: <prefix>-org-units for create/rename,
                                   <prefix>-nomenclature for activity (default marc-org-units)
              --workload W         create: every command is a createOrgUnit of a new org unit under the
                                           run's parent (default);
                                   rename: per-entity edits; the setup creates one org unit per client,
                                           then each client renames only its own (renameOrgUnit with
                                           expectedVersion), so one org unit sees many versions;
                                   activity: per-entity edits; the setup defines a domain and proposes
                                           one activity per client (approved at once, as central
                                           administrator), then each client renames only its own
                                           (correctApprovedItem with expectedVersion)
              --edit E             activity workload: name (default; a rename, which also rewrites the
                                   activity's children in Elasticsearch) or description (no cascade)
              --commands N         measured commands                (default 2000)
              --clients C          concurrent clients               (default 8)
              --warmup W           unmeasured warm-up commands      (default 200)
            """ + WATCHERS_USAGE + """
              --parents P          spread the org units round-robin over P parents created under the
                                   run's parent (default 1: all directly under the run's parent;
                                   create workload only)
              --window-file PATH   write the measured phase's start and end (epoch ms) there, for
                                   a profile of that phase (JfrTopFrames; run-benchmark.sh BENCH_PROFILE=1)
            Every URL must point at 127.0.0.1 / localhost / ::1.""";

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Pattern JDBC_HOST = Pattern.compile("jdbc:postgresql://(\\[[^]]+]|[^:/?]+)(?::\\d+)?/[^?]*(\\?.*)?");
    private static final Set<String> NAMES = Set.of("url", "jdbc", "db-user", "db-password", "es", "es-index",
            "workload", "commands", "clients", "warmup", "projection-timeout-seconds", "pg-poll-ms", "es-poll-ms", "parents",
            "window-file", "edit");

    static BenchOptions parse(String[] args) {
        Map<String, String> values = values(args, NAMES);
        BenchOptions options = new BenchOptions(
                urls(values.getOrDefault("url", "http://127.0.0.1:8080")),
                loopbackJdbc(values.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/marc")),
                values.getOrDefault("db-user", "postgres"),
                values.getOrDefault("db-password", ""),
                loopbackHttp("es", stripSlash(values.getOrDefault("es", "http://127.0.0.1:9200"))),
                values.getOrDefault("es-index", "marc-org-units"),
                Workload.parse(values.getOrDefault("workload", "create")),
                positive("commands", values.getOrDefault("commands", "2000"), 1, 1_000_000),
                positive("clients", values.getOrDefault("clients", "8"), 1, 512),
                positive("warmup", values.getOrDefault("warmup", "200"), 0, 1_000_000),
                positive("projection-timeout-seconds", values.getOrDefault("projection-timeout-seconds", "600"), 1, 3600),
                positive("pg-poll-ms", values.getOrDefault("pg-poll-ms", "5"), 1, 10_000),
                positive("es-poll-ms", values.getOrDefault("es-poll-ms", "10"), 1, 10_000),
                positive("parents", values.getOrDefault("parents", "1"), 1, 10_000),
                values.get("window-file"),
                values.getOrDefault("edit", "name"));
        if (!options.elasticsearchIndex().matches("[a-z0-9][a-z0-9._-]*")) {
            throw new UsageException("--es-index must be a plain index name, got '" + options.elasticsearchIndex() + "'");
        }
        if (!options.edit().equals("name") && !options.edit().equals("description")) {
            throw new UsageException("--edit must be name or description, got '" + options.edit() + "'");
        }
        if (options.workload() != Workload.ACTIVITY && values.containsKey("edit")) {
            throw new UsageException("--edit applies to --workload activity only");
        }
        if (options.workload() != Workload.CREATE && options.parents() != 1) {
            // The renamed units sit under the run's parent; more parents would change nothing but the setup.
            throw new UsageException("--parents applies to --workload create only");
        }
        return options;
    }

    /** The first node's URL: setup and control requests go there. */
    URI url() {
        return urls.getFirst();
    }

    /** {@code --name value} or {@code --name=value} pairs, each name one of {@code names}; -h / --help: usage. */
    static Map<String, String> values(String[] args, Set<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new UsageException(null);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new UsageException("Option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!names.contains(name)) {
                throw new UsageException("Unknown option --" + name);
            }
            values.put(name, value);
        }
        return values;
    }

    static List<URI> urls(String value) {
        List<URI> urls = new ArrayList<>();
        for (String url : value.split(",")) {
            if (!url.isBlank()) {
                urls.add(loopbackHttp("url", stripSlash(url.trim())));
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--url needs at least one URL");
        }
        return List.copyOf(urls);
    }

    static URI loopbackHttp(String option, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + option + " is not a URL: " + value);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
            throw new UsageException("--" + option + " must be an http URL on the loopback interface, got " + value);
        }
        return uri;
    }

    static String loopbackJdbc(String value) {
        Matcher matcher = JDBC_HOST.matcher(value);
        if (!matcher.matches() || !LOOPBACK.contains(matcher.group(1))) {
            throw new UsageException("--jdbc must be jdbc:postgresql://<loopback host>[:port]/<database>, got " + value);
        }
        return value;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static int positive(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + option + " must be between " + min + " and " + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " must be a number, got '" + value + "'");
        }
    }

    /** What the measured commands do. */
    enum Workload {
        /** createOrgUnit of a new org unit each time: the read model must show a new id (version 1). */
        CREATE("create", "createOrgUnit", "org_unit"),
        /** renameOrgUnit of the client's own org unit each time: the read model must reach the new version. */
        RENAME("rename", "renameOrgUnit", "org_unit"),
        /** correctApprovedItem (a new name) of the client's own activity each time: the read models must reach the new version. */
        ACTIVITY("activity", "correctApprovedItem", "nomenclature_item");

        /** The option value. */
        final String label;
        /** The GraphQL mutation the measured commands send. */
        final String mutation;
        /** The PostgreSQL read-model table holding the entities' id and version. */
        final String table;

        Workload(String label, String mutation, String table) {
            this.label = label;
            this.mutation = mutation;
            this.table = table;
        }

        /** Each client edits its own entities (expectedVersion +1 per acknowledged command). */
        boolean perEntity() {
            return this != CREATE;
        }

        static Workload parse(String value) {
            for (Workload workload : values()) {
                if (workload.label.equals(value.trim())) {
                    return workload;
                }
            }
            throw new UsageException("--workload must be create, rename or activity, got '" + value + "'");
        }
    }

    /** Bad command line: the message (if any) and the usage are printed, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
