#!/usr/bin/env bash
# Runs ro.marc.ops.bench.OrgCommandBenchmark end to end on this machine:
#   1. picks a JDK >= 21, builds the app jar (./mvnw -B -o -q package -DskipTests -pl api -am; never
#      install), compiles the ops module;
#   2. starts PostgreSQL + Elasticsearch through ro.marc.ops.services.ServicesMain (reusing what already
#      runs on 127.0.0.1:5432 / :9200, exactly as the local run does);
#   3. recreates the database $BENCH_DATABASE and deletes the $BENCH_INDEX_PREFIX-* indexes, so every run
#      starts clean;
#   4. starts BENCH_NODES app nodes (profile local) on consecutive ports from BENCH_APP_PORT over that one
#      database and index prefix, one after the other (the second once the first is ready and has seeded
#      the demo data), and waits until each is healthy and has its root;
#   5. runs the benchmark (client k sends to node k mod BENCH_NODES), then stops the apps and the services
#      it started (also on failure or Ctrl-C).
#
# Issue 10's per-entity write benchmark (C = 16 clients each renaming their own activity), as measured:
#   BENCH_WORKLOAD=activity BENCH_CLIENTS=16 BENCH_COMMANDS=2000 BENCH_WARMUP=200 BENCH_NODES=1 ops/bench/run-benchmark.sh
#   BENCH_WORKLOAD=activity BENCH_CLIENTS=16 BENCH_COMMANDS=2000 BENCH_WARMUP=200 BENCH_NODES=2 ops/bench/run-benchmark.sh
# and with the profile of the measured phase (JFR; top frames printed after the report, see profile.txt):
#   BENCH_PROFILE=1 BENCH_WORKLOAD=activity BENCH_CLIENTS=16 BENCH_COMMANDS=2000 BENCH_WARMUP=200 ops/bench/run-benchmark.sh
# Each prints commands/s, ack p50/p99, projection lag p99 (PostgreSQL, Elasticsearch), the raw INSERT+COMMIT
# rate at the same concurrency, their ratio, the load average, and a one-line RESULT {json}.
#
# Issue 13's campaign hot path (ro.marc.ops.bench.AssessmentBenchmark; also `ops/marc bench assessment`): C = 50,
# 100, 200 members each autosaving their own draft risk assessment every 3 s ±20%, every 20th operation of a member
# a finalisation (then a new edition), 1500 measured operations per C, one app start for the three:
#   BENCH_WORKLOAD=assessment ops/bench/run-benchmark.sh
#   BENCH_WORKLOAD=assessment BENCH_MEMBERS=100 BENCH_AUTOSAVE_MS=0 ops/bench/run-benchmark.sh   (closed loop: capacity)
#
# Environment: BENCH_WORKLOAD (default create: each command creates a new org unit; rename: per-entity
#              edits, each client renames only its own org unit; activity: per-entity edits, each client
#              renames only its own approved activity; see --workload in the benchmark's usage; assessment:
#              the risk assessment benchmark, with BENCH_MEMBERS (default 50,100,200), BENCH_AUTOSAVE_MS (3000),
#              BENCH_FINALISE_EVERY (20), BENCH_COMMANDS = operations per C (default 1500)),
#              BENCH_COMMANDS (default 2000), BENCH_CLIENTS (8), BENCH_WARMUP (200),
#              BENCH_NODES (1 or 2; default 1), BENCH_APP_PORT (first node's port, default 18080; node 2
#              gets the next one), BENCH_DATABASE (default marc_bench), BENCH_INDEX_PREFIX (default
#              marc-bench), BENCH_PROFILE (1: record JFR in every app and print the measured phase's top
#              frames), BENCH_SKIP_BUILD (1: use api/target/marc-api.jar as it is),
#              BENCH_APP_JAVA_OPTS (extra JVM options for the apps), BENCH_ARGS (extra benchmark options,
#              e.g. "--es-poll-ms 50"), BENCH_WORK_DIR (logs; default a new /tmp dir).
# Exit code: the benchmark's (0 ok, 1 errors or commands missing from a read model, 3 could not run),
#            or 1 when the setup failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

WORKLOAD="${BENCH_WORKLOAD:-create}"
if [[ "$WORKLOAD" == assessment ]]; then COMMANDS="${BENCH_COMMANDS:-1500}"; else COMMANDS="${BENCH_COMMANDS:-2000}"; fi
MEMBERS="${BENCH_MEMBERS:-50,100,200}"
AUTOSAVE_MS="${BENCH_AUTOSAVE_MS:-3000}"
FINALISE_EVERY="${BENCH_FINALISE_EVERY:-20}"
CLIENTS="${BENCH_CLIENTS:-8}"
WARMUP="${BENCH_WARMUP:-200}"
APP_PORT="${BENCH_APP_PORT:-18080}"
NODES="${BENCH_NODES:-1}"
PROFILE="${BENCH_PROFILE:-0}"
BENCH_DATABASE="${BENCH_DATABASE:-marc_bench}"
INDEX_PREFIX="${BENCH_INDEX_PREFIX:-marc-bench}"
APP_JAR="$ROOT/api/target/marc-api.jar"

log() { printf '[run-benchmark %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for value in "$COMMANDS" "$CLIENTS" "$WARMUP" "$APP_PORT"; do
  [[ "$value" =~ ^[0-9]+$ ]] || die "BENCH_COMMANDS, BENCH_CLIENTS, BENCH_WARMUP and BENCH_APP_PORT must be numbers (got '$value')"
done
# Checked here too, so a typo fails before the build and the services start.
case "$WORKLOAD" in
  create | rename) ES_INDEX="$INDEX_PREFIX-org-units" ;;
  activity) ES_INDEX="$INDEX_PREFIX-nomenclature" ;;
  assessment) ES_INDEX="$INDEX_PREFIX-assessments" ;;
  *) die "BENCH_WORKLOAD must be create, rename, activity or assessment (got '$WORKLOAD')" ;;
esac
[[ "$MEMBERS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "BENCH_MEMBERS must be counts separated by commas (got '$MEMBERS')"
for value in "$AUTOSAVE_MS" "$FINALISE_EVERY"; do
  [[ "$value" =~ ^[0-9]+$ ]] || die "BENCH_AUTOSAVE_MS and BENCH_FINALISE_EVERY must be numbers (got '$value')"
done
[[ "$NODES" == 1 || "$NODES" == 2 ]] || die "BENCH_NODES must be 1 or 2 (got '$NODES')"
[[ "$PROFILE" == 0 || "$PROFILE" == 1 ]] || die "BENCH_PROFILE must be 0 or 1 (got '$PROFILE')"
[[ "$BENCH_DATABASE" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DATABASE must be a plain lower-case name (got '$BENCH_DATABASE')"
[[ "$INDEX_PREFIX" =~ ^[a-z0-9][a-z0-9._-]*$ ]] || die "BENCH_INDEX_PREFIX must be a plain lower-case name (got '$INDEX_PREFIX')"

# ---------------------------------------------------------------- JDK

# shellcheck source=bench-lib.sh
source "$ROOT/ops/bench/bench-lib.sh"

JAVA_HOME="$(pick_jdk)" || die "no JDK >= 21: set JAVA_HOME or install one under /usr/lib/jvm/temurin-25*"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
log "JDK $JAVA_HOME (Java $(java_major "$JAVA_HOME"))"

# ---------------------------------------------------------------- cleanup

WORK="${BENCH_WORK_DIR:-$(mktemp -d /tmp/marc-bench.XXXXXX)}"
mkdir -p "$WORK"
APP_PIDS=()
SERVICES_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local pid n=0
  for pid in "${APP_PIDS[@]}"; do
    n=$((n + 1))
    stop_process "$pid" "MARC app node $n" 30
  done
  # ServicesMain's shutdown hook stops the Elasticsearch (and embedded PostgreSQL) it started itself.
  stop_process "$SERVICES_PID" "the services (ServicesMain)" 60
  rm -rf "$WORK/marc-api.jar" "$WORK/ops-classes"
  log "logs in $WORK (app.log, app-2.log, services.log, report.txt, profile.txt)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build

MVN=(./mvnw -B -q)
if [[ "${BENCH_SKIP_BUILD:-0}" == 1 && -f "$APP_JAR" ]]; then
  log "using api/target/marc-api.jar as it is (BENCH_SKIP_BUILD=1)"
else
  # package through the reactor, never install: the shared ~/.m2 snapshot jars stay as they are.
  log "building the app jar (./mvnw -B -o -q package -DskipTests -pl api -am; output in $WORK/build.log)"
  "${MVN[@]}" -o package -DskipTests -pl api -am >"$WORK/build.log" 2>&1 \
    || { tail -n 40 "$WORK/build.log" >&2; die "could not build the app jar"; }
fi

log "compiling the ops module and resolving its runtime classpath"
MVN_OPS=(-pl ops compile dependency:build-classpath "-Dmdep.outputFile=$WORK/ops.classpath" -Dmdep.includeScope=runtime)
if ! "${MVN[@]}" -o "${MVN_OPS[@]}" >"$WORK/mvn.log" 2>&1; then
  log "offline build failed; retrying online"
  "${MVN[@]}" "${MVN_OPS[@]}" >>"$WORK/mvn.log" 2>&1 || { tail -n 40 "$WORK/mvn.log" >&2; die "could not compile ops"; }
fi
# A private copy, as for the jar: a rebuild of ops/target during the run must not pull classes away.
rm -rf "$WORK/ops-classes" && cp -r "$ROOT/ops/target/classes" "$WORK/ops-classes"
CLASSPATH_OPS="$WORK/ops-classes:$(cat "$WORK/ops.classpath")"

bench_setup() { "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.BenchSetup "$@"; }

# ---------------------------------------------------------------- services

PORTS=()
for ((n = 0; n < NODES; n++)); do
  PORTS+=($((APP_PORT + n)))
  if (exec 3<>"/dev/tcp/127.0.0.1/$((APP_PORT + n))") 2>/dev/null; then
    die "127.0.0.1:$((APP_PORT + n)) is already in use; stop what runs there or set BENCH_APP_PORT"
  fi
done

log "starting the services (ServicesMain; output in $WORK/services.log)"
"$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.services.ServicesMain >"$WORK/services.out" 2>"$WORK/services.log" &
SERVICES_PID=$!
for ((i = 0; i < 300; i++)); do
  grep -q '^# Services are running' "$WORK/services.out" && break
  if ! kill -0 "$SERVICES_PID" 2>/dev/null; then
    tail -n 40 "$WORK/services.log" >&2
    SERVICES_PID=""
    die "ServicesMain exited before the services were up"
  fi
  sleep 1
done
grep -q '^# Services are running' "$WORK/services.out" || die "the services were not up within 300 s"

MARC_DB_URL="" MARC_DB_USER="" MARC_DB_PASSWORD="" MARC_ES_URL=""
while IFS= read -r line; do
  case "$line" in
    # ServicesMain prints: export NAME='value' (single-quoted for the shell)
    "export MARC_DB_URL="* | "export MARC_DB_USER="* | "export MARC_DB_PASSWORD="* | "export MARC_ES_URL="*)
      eval "${line#export }" ;;
  esac
done <"$WORK/services.out"
[[ -n "$MARC_DB_URL" && -n "$MARC_ES_URL" ]] || die "could not read the service endpoints from $WORK/services.out"
log "services: PostgreSQL $MARC_DB_URL (user $MARC_DB_USER), Elasticsearch $MARC_ES_URL"

# ---------------------------------------------------------------- clean database and indexes

BENCH_DB_URL="$(bench_setup recreate-database --jdbc "$MARC_DB_URL" --db-user "$MARC_DB_USER" \
  --db-password "$MARC_DB_PASSWORD" --name "$BENCH_DATABASE")"
bench_setup delete-indexes --es "$MARC_ES_URL" --prefix "$INDEX_PREFIX-"
log "database $BENCH_DB_URL and index prefix $INDEX_PREFIX are clean"

# ---------------------------------------------------------------- apps

APP_JAVA_OPTS=()
if [[ -n "${BENCH_APP_JAVA_OPTS:-}" ]]; then
  read -r -a APP_JAVA_OPTS <<<"$BENCH_APP_JAVA_OPTS"
fi
# JFR's execution sampler every 10 ms (the profile settings' default, stated so the analysis can use it) with
# deep stacks: a request's stack through Tomcat, Spring Security, GraphQL and Axon is well over JFR's default 64.
JFR_PERIOD_MS=10
# A private copy: a rebuild of api/target during the run must not pull classes from under the running apps.
cp "$APP_JAR" "$WORK/marc-api.jar"
URLS=""
for ((n = 1; n <= NODES; n++)); do
  port="${PORTS[$((n - 1))]}"
  app_log="$WORK/app.log"
  ((n == 1)) || app_log="$WORK/app-$n.log"
  JFR_OPTS=()
  if [[ "$PROFILE" == 1 ]]; then
    JFR_OPTS=(-XX:FlightRecorderOptions:stackdepth=256
      "-XX:StartFlightRecording:name=bench,settings=profile,jdk.ExecutionSample#period=${JFR_PERIOD_MS}ms")
  fi
  log "starting app node $n on 127.0.0.1:$port (log in $app_log)"
  MARC_DB_URL="$BENCH_DB_URL" MARC_DB_USER="$MARC_DB_USER" MARC_DB_PASSWORD="$MARC_DB_PASSWORD" \
    MARC_ES_URL="$MARC_ES_URL" MARC_ES_INDEX_PREFIX="$INDEX_PREFIX" \
    "$JAVA" "${JFR_OPTS[@]}" "${APP_JAVA_OPTS[@]}" -jar "$WORK/marc-api.jar" --spring.profiles.active=local \
    --server.port="$port" >"$app_log" 2>&1 &
  APP_PIDS+=($!)
  # One at a time: node 2 starts on a database node 1 has already migrated and seeded, so the run does not
  # depend on two nodes starting together safely.
  if ! bench_setup wait-ready --url "http://127.0.0.1:$port" --pid "${APP_PIDS[$((n - 1))]}" --timeout-seconds 300; then
    tail -n 60 "$app_log" >&2
    die "app node $n did not become ready"
  fi
  URLS="${URLS:+$URLS,}http://127.0.0.1:$port"
done

# ---------------------------------------------------------------- benchmark

EXTRA_ARGS=()
if [[ -n "${BENCH_ARGS:-}" ]]; then
  read -r -a EXTRA_ARGS <<<"$BENCH_ARGS"
fi
if [[ "$WORKLOAD" == assessment ]]; then
  log "running the benchmark: workload assessment, members $MEMBERS, $COMMANDS operations each, autosave every $AUTOSAVE_MS ms, $NODES node(s) ${EXTRA_ARGS[*]}"
else
  log "running the benchmark: workload $WORKLOAD, $COMMANDS commands, $CLIENTS clients, $WARMUP warm-up, $NODES node(s) ${EXTRA_ARGS[*]}"
fi
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
COMMON_ARGS=(--url "$URLS" --jdbc "$BENCH_DB_URL" --db-user "$MARC_DB_USER" --db-password "$MARC_DB_PASSWORD"
  --es "$MARC_ES_URL" --es-index "$ES_INDEX" --window-file "$WORK/window.txt" --warmup "$WARMUP")
set +e
if [[ "$WORKLOAD" == assessment ]]; then
  "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.AssessmentBenchmark "${COMMON_ARGS[@]}" \
    --members "$MEMBERS" --operations "$COMMANDS" --autosave-ms "$AUTOSAVE_MS" --finalise-every "$FINALISE_EVERY" \
    "${EXTRA_ARGS[@]}" | tee "$WORK/report.txt"
else
  "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.OrgCommandBenchmark "${COMMON_ARGS[@]}" \
    --workload "$WORKLOAD" --commands "$COMMANDS" --clients "$CLIENTS" "${EXTRA_ARGS[@]}" | tee "$WORK/report.txt"
fi
rc=${PIPESTATUS[0]}
set -e

if [[ "$PROFILE" == 1 && -s "$WORK/window.txt" ]]; then
  JFR_FILES=()
  for ((n = 1; n <= NODES; n++)); do
    if "$JAVA_HOME/bin/jcmd" "${APP_PIDS[$((n - 1))]}" JFR.dump name=bench filename="$WORK/app-$n.jfr" >>"$WORK/jcmd.log" 2>&1; then
      JFR_FILES+=(--jfr "$WORK/app-$n.jfr")
    else
      log "could not dump node $n's recording (see $WORK/jcmd.log)"
    fi
  done
  if ((${#JFR_FILES[@]} > 0)); then
    echo
    echo "Profile of the measured phase (JFR, request threads of all nodes; $WORK/profile.txt)"
    "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.JfrTopFrames "${JFR_FILES[@]}" --window-file "$WORK/window.txt" \
      --commands "$COMMANDS" --period-ms "$JFR_PERIOD_MS" --top 15 | tee "$WORK/profile.txt"
  fi
fi

for app_log in "$WORK"/app.log "$WORK"/app-2.log; do
  [[ -f "$app_log" ]] || continue
  problems="$(grep -cE '^[0-9][^ ]* +(ERROR|WARN) ' "$app_log" || true)"
  if [[ "$problems" != "0" ]]; then
    log "note: the app logged $problems WARN/ERROR lines: grep -E ' (ERROR|WARN) ' $app_log"
  fi
done
exit "$rc"
