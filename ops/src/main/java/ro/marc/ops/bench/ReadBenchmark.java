package ro.marc.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of a request (issue 10, item 4): a cheap GraphQL query ({@code { viewer { user { displayName } } }},
 * one indexed read) sent by C clients, each on its own keep-alive connection, then a cheap mutation
 * (renameOrgUnit of the client's own org unit, so no client conflicts with another).
 *
 * <p>Prints, per phase: requests/s, p50/p99 and the app's CPU per request: Δ(utime + stime of the app's
 * process, from {@code /proc/<pid>/stat}) / requests, less the app's idle CPU over the same time (measured
 * first, while nothing is sent). CPU per request is the robust figure on a shared machine: other processes
 * slow the app's wall clock (requests/s, latency) but not the CPU each request costs it. The mutation's CPU
 * includes what the request causes after its answer (projections to PostgreSQL and Elasticsearch), since
 * that runs in the same process; the phase waits {@code --settle} seconds after its last request for it.
 *
 * <p>Arguments: {@code --url http://localhost:18180 --pid <app pid> --user admin --clients 16
 * --requests 20000 --rounds 3 --warmup 3000 --mutations 2000 --idle 5 --settle 5 --clk-tck 100}: the
 * query phase runs {@code rounds} times (the last is the one to compare), then the mutations.
 * The RESULT line at the end is JSON. See ops/bench/run-read-benchmark.sh.
 */
public final class ReadBenchmark {

    static final String QUERY = "{ viewer { user { displayName } } }";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "http://localhost:18180", "user", "admin",
                "clients", "16", "requests", "20000", "warmup", "3000", "mutations", "2000", "idle", "5",
                "settle", "5", "clk-tck", "100", "rounds", "3"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("pid")) {
            throw new IllegalArgumentException("--pid <the app's process id> is required (CPU is read from /proc)");
        }
        new ReadBenchmark(options).run();
    }

    private final URI base;
    private final long pid;
    private final String user;
    private final int clients;
    private final int requests;
    private final int warmup;
    private final int mutations;
    private final int queryRounds;
    private final int idleSeconds;
    private final int settleSeconds;
    private final double clockTicks;
    private final JsonMapper json = JsonMapper.builder().build();

    private ReadBenchmark(Map<String, String> o) {
        base = URI.create(o.get("url"));
        pid = Long.parseLong(o.get("pid"));
        user = o.get("user");
        clients = Integer.parseInt(o.get("clients"));
        requests = Integer.parseInt(o.get("requests"));
        warmup = Integer.parseInt(o.get("warmup"));
        mutations = Integer.parseInt(o.get("mutations"));
        queryRounds = Math.max(1, Integer.parseInt(o.get("rounds")));
        idleSeconds = Integer.parseInt(o.get("idle"));
        settleSeconds = Integer.parseInt(o.get("settle"));
        clockTicks = Double.parseDouble(o.get("clk-tck"));
    }

    private void run() throws Exception {
        List<HttpClient> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(MarcClient.newHttpClient());
        }
        MarcClient marc = new MarcClient(base, json);
        marc.login(connections.getFirst(), user);
        String token = tokenOf(marc, connections.getFirst());

        HttpRequest query = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", QUERY))))
                .build();

        log("warm-up: %d queries", warmup);
        phase("warmup", warmup, connections, (client, n) -> query, (r, client, n) -> queryError(r));

        log("idle CPU over %d s", idleSeconds);
        long idleStart = cpuNanos();
        long idleWall = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        double idleCpuPerSecond = (cpuNanos() - idleStart) / ((System.nanoTime() - idleWall) / 1e9);
        log("idle: %.1f ms CPU per second", idleCpuPerSecond / 1e6);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("idle_cpu_ms_per_s", Latency.round(idleCpuPerSecond / 1e6));
        // several rounds: the JIT and the caches settle over the first; the figures to compare are the last's
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int round = 1; round <= queryRounds; round++) {
            rounds.add(phase("query round " + round, requests, connections, (client, n) -> query,
                    (r, client, n) -> queryError(r), idleCpuPerSecond, 0));
        }
        result.put("query", rounds.getLast());
        result.put("query_rounds", rounds);

        if (mutations > 0) {
            UUID root = marc.rootId(connections.getFirst());
            String run = UUID.randomUUID().toString().substring(0, 8);
            UUID[] units = new UUID[clients];
            long[] versions = new long[clients];
            for (int c = 0; c < clients; c++) {
                units[c] = UUID.randomUUID();
                versions[c] = marc.createOrgUnitVersion(connections.getFirst(), units[c], root, "read-bench " + run + " " + c);
            }
            Thread.sleep(settleSeconds * 1000L); // the creates' projections, outside the measurement
            // each client renames only its own org unit, one version after the other
            result.put("mutation", phase("mutation", mutations, connections, (client, n) -> marc.renameRequest(
                            units[client], "read-bench " + run + " " + client + " #" + n, versions[client]),
                    (r, client, n) -> {
                        String error = marc.errorOf(r, "renameOrgUnit", versions[client] + 1);
                        if (error == null) {
                            versions[client]++;
                        }
                        return error;
                    }, idleCpuPerSecond, settleSeconds));
        }
        System.out.println("RESULT " + json.writeValueAsString(result));
    }

    private String tokenOf(MarcClient marc, HttpClient http) throws Exception {
        // MarcClient keeps its token private; fetch one more for the raw requests (same user, same signer)
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token?user=" + user))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("access_token").asString("");
    }

    private String queryError(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + MarcClient.snippet(response.body());
        }
        String body = response.body();
        return body.contains("\"errors\"") || !body.contains("displayName") ? MarcClient.snippet(body) : null;
    }

    interface RequestFor {
        HttpRequest build(int client, int n);
    }

    interface Check {
        String error(HttpResponse<String> response, int client, int n);
    }

    private void phase(String name, int total, List<HttpClient> connections, RequestFor request, Check check)
            throws Exception {
        phase(name, total, connections, request, check, 0, 0);
    }

    /** Sends {@code total} requests from the clients (each one at a time); answers the phase's figures. */
    private Map<String, Object> phase(String name, int total, List<HttpClient> connections, RequestFor request,
                                      Check check, double idleCpuPerSecond, int settle) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicInteger printed = new AtomicInteger();
        Histogram[] latencies = new Histogram[connections.size()];
        CountDownLatch done = new CountDownLatch(connections.size());
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < connections.size(); c++) {
            int client = c;
            latencies[c] = Latency.newHistogram();
            Thread.ofPlatform().name(name + "-" + c).start(() -> {
                try {
                    HttpClient http = connections.get(client);
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        HttpRequest r = request.build(client, n);
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
                        Latency.record(latencies[client], System.nanoTime() - t0);
                        String error = check.error(response, client, n);
                        if (error != null) {
                            errors.incrementAndGet();
                            if (printed.incrementAndGet() <= 5) {
                                log("%s error: %s", name, error);
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                    log("%s client %d stopped: %s", name, client, e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long wall = System.nanoTime() - start;
        if (settle > 0) {
            Thread.sleep(settle * 1000L); // what the requests set off after their answers (projections)
        }
        long cpu = cpuNanos() - cpuStart;
        long cpuWall = System.nanoTime() - start;
        Histogram all = Latency.newHistogram();
        for (Histogram h : latencies) {
            all.add(h);
        }
        double perSecond = total / (wall / 1e9);
        double cpuMs = cpu / 1e6 / total;
        double netCpuMs = (cpu - idleCpuPerSecond * cpuWall / 1e9) / 1e6 / total;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", total);
        figures.put("errors", errors.get());
        figures.put("requests_per_s", Latency.round(perSecond));
        figures.put("p50_ms", Latency.round(Latency.ms(all, 50)));
        figures.put("p99_ms", Latency.round(Latency.ms(all, 99)));
        figures.put("cpu_ms_per_request", Latency.round(cpuMs));
        figures.put("cpu_ms_per_request_less_idle", Latency.round(netCpuMs));
        log("%s: %d requests (%d errors) in %.1f s: %.0f req/s, p50 %s ms, p99 %s ms, CPU %.2f ms/request (%.2f less idle)",
                name, total, errors.get(), wall / 1e9, perSecond, Latency.fmt(Latency.ms(all, 50)),
                Latency.fmt(Latency.ms(all, 99)), cpuMs, netCpuMs);
        return figures;
    }

    /** utime + stime of the app's process (all its threads), in nanoseconds. */
    private long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name (field 2) may hold spaces; fields after its closing parenthesis are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14), stime (15)
        return (long) (ticks * 1e9 / clockTicks);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[read-benchmark] " + format + "%n", args);
    }
}
