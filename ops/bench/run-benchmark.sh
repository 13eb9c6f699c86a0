#!/usr/bin/env bash
# Runs ro.marc.ops.bench.OrgCommandBenchmark end to end on this machine:
#   1. picks a JDK >= 21, builds the app jar if it is missing, compiles the ops module;
#   2. starts PostgreSQL + Elasticsearch through ro.marc.ops.services.ServicesMain (reusing what already
#      runs on 127.0.0.1:5432 / :9200, exactly as the local run does);
#   3. recreates the database marc_bench and deletes the marc-bench-* indexes, so every run starts clean;
#   4. starts the app jar (profile local, port 18080) on them and waits until it is healthy and has its root;
#   5. runs the benchmark, then stops the app and the services it started (also on failure or Ctrl-C).
#
# Environment: BENCH_WORKLOAD (default create: each command creates a new org unit; rename: per-entity
#              edits, each client renames only its own org unit, see --workload in the benchmark's usage),
#              BENCH_COMMANDS (default 2000), BENCH_CLIENTS (8), BENCH_WARMUP (200), BENCH_APP_PORT (18080),
#              BENCH_APP_JAVA_OPTS (extra JVM options for the app), BENCH_ARGS (extra benchmark options, e.g.
#              "--es-poll-ms 50"), BENCH_WORK_DIR (logs; default a new /tmp dir).
# Exit code: the benchmark's (0 ok, 1 errors or commands missing from a read model, 3 could not run),
#            or 1 when the setup failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

WORKLOAD="${BENCH_WORKLOAD:-create}"
COMMANDS="${BENCH_COMMANDS:-2000}"
CLIENTS="${BENCH_CLIENTS:-8}"
WARMUP="${BENCH_WARMUP:-200}"
APP_PORT="${BENCH_APP_PORT:-18080}"
BENCH_DATABASE=marc_bench
INDEX_PREFIX=marc-bench
APP_JAR="$ROOT/api/target/marc-api.jar"

log() { printf '[run-benchmark %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for value in "$COMMANDS" "$CLIENTS" "$WARMUP" "$APP_PORT"; do
  [[ "$value" =~ ^[0-9]+$ ]] || die "BENCH_COMMANDS, BENCH_CLIENTS, BENCH_WARMUP and BENCH_APP_PORT must be numbers (got '$value')"
done
# Checked here too, so a typo fails before the build and the services start.
[[ "$WORKLOAD" == create || "$WORKLOAD" == rename ]] || die "BENCH_WORKLOAD must be create or rename (got '$WORKLOAD')"

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
APP_PID=""
SERVICES_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_process "$APP_PID" "the MARC app" 30
  # ServicesMain's shutdown hook stops the Elasticsearch (and embedded PostgreSQL) it started itself.
  stop_process "$SERVICES_PID" "the services (ServicesMain)" 60
  rm -f "$WORK/marc-api.jar"
  log "logs in $WORK (app.log, services.log, report.txt)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build

MVN=(./mvnw -B -q)
if [[ ! -f "$APP_JAR" ]]; then
  log "building (api/target/marc-api.jar is missing)"
  "${MVN[@]}" install -DskipTests
fi

log "compiling the ops module and resolving its runtime classpath"
MVN_OPS=(-pl ops compile dependency:build-classpath "-Dmdep.outputFile=$WORK/ops.classpath" -Dmdep.includeScope=runtime)
if ! "${MVN[@]}" -o "${MVN_OPS[@]}" >"$WORK/mvn.log" 2>&1; then
  log "offline build failed; retrying online"
  "${MVN[@]}" "${MVN_OPS[@]}" >>"$WORK/mvn.log" 2>&1 || { tail -n 40 "$WORK/mvn.log" >&2; die "could not compile ops"; }
fi
CLASSPATH_OPS="$ROOT/ops/target/classes:$(cat "$WORK/ops.classpath")"

bench_setup() { "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.BenchSetup "$@"; }

# ---------------------------------------------------------------- services

if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
  die "127.0.0.1:$APP_PORT is already in use; stop what runs there or set BENCH_APP_PORT"
fi

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

# ---------------------------------------------------------------- app

APP_JAVA_OPTS=()
if [[ -n "${BENCH_APP_JAVA_OPTS:-}" ]]; then
  read -r -a APP_JAVA_OPTS <<<"$BENCH_APP_JAVA_OPTS"
fi
# A private copy: a rebuild of api/target during the run must not pull classes from under the running app.
cp "$APP_JAR" "$WORK/marc-api.jar"
log "starting the app on 127.0.0.1:$APP_PORT (log in $WORK/app.log)"
MARC_DB_URL="$BENCH_DB_URL" MARC_DB_USER="$MARC_DB_USER" MARC_DB_PASSWORD="$MARC_DB_PASSWORD" \
  MARC_ES_URL="$MARC_ES_URL" MARC_ES_INDEX_PREFIX="$INDEX_PREFIX" \
  "$JAVA" "${APP_JAVA_OPTS[@]}" -jar "$WORK/marc-api.jar" --spring.profiles.active=local --server.port="$APP_PORT" \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!
if ! bench_setup wait-ready --url "http://127.0.0.1:$APP_PORT" --pid "$APP_PID" --timeout-seconds 300; then
  tail -n 60 "$WORK/app.log" >&2
  die "the app did not become ready"
fi

# ---------------------------------------------------------------- benchmark

EXTRA_ARGS=()
if [[ -n "${BENCH_ARGS:-}" ]]; then
  read -r -a EXTRA_ARGS <<<"$BENCH_ARGS"
fi
log "running the benchmark: workload $WORKLOAD, $COMMANDS commands, $CLIENTS clients, $WARMUP warm-up ${EXTRA_ARGS[*]}"
set +e
"$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.OrgCommandBenchmark \
  --url "http://127.0.0.1:$APP_PORT" \
  --jdbc "$BENCH_DB_URL" --db-user "$MARC_DB_USER" --db-password "$MARC_DB_PASSWORD" \
  --es "$MARC_ES_URL" --es-index "$INDEX_PREFIX-org-units" \
  --workload "$WORKLOAD" --commands "$COMMANDS" --clients "$CLIENTS" --warmup "$WARMUP" "${EXTRA_ARGS[@]}" \
  | tee "$WORK/report.txt"
rc=${PIPESTATUS[0]}
set -e
problems="$(grep -cE '^[0-9][^ ]* +(ERROR|WARN) ' "$WORK/app.log" || true)"
if [[ "$problems" != "0" ]]; then
  log "note: the app logged $problems WARN/ERROR lines: grep -E ' (ERROR|WARN) ' $WORK/app.log"
fi
exit "$rc"
