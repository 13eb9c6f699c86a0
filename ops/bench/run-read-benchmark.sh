#!/usr/bin/env bash
# The cost of a request (issue 10, item 4): starts the app jar on a fresh database, runs
# ro.marc.ops.bench.ReadBenchmark against it (a cheap query from C clients, several rounds, then a cheap
# mutation) and, with BENCH_PROFILE=1, records one more query round and one mutation round with JFR and
# prints where the CPU samples went (jfr-profile.py). Then stops the app and drops the database.
#
# The figure that survives a shared machine is the app's CPU per request (Δ utime+stime of its process
# from /proc, less its idle CPU): requests/s and latencies depend on what else runs on the cores.
#
# Reproduce the before/after of issue 10 item 4 (PostgreSQL on 127.0.0.1:5432, Elasticsearch on :9200):
#   git checkout <before>; ./mvnw -B -o -q package -DskipTests -pl api -am; cp api/target/marc-api.jar /tmp/before.jar
#   git checkout <after>;  ./mvnw -B -o -q package -DskipTests -pl api -am; cp api/target/marc-api.jar /tmp/after.jar
#   APP_JAR=/tmp/before.jar BENCH_DB=marc_h3_before BENCH_PROFILE=1 ops/bench/run-read-benchmark.sh
#   APP_JAR=/tmp/after.jar  BENCH_DB=marc_h3_after  BENCH_PROFILE=1 ops/bench/run-read-benchmark.sh
# (the ReadBenchmark class is new: run it from a checkout that has it; the app jar may be any version)
#
# Environment: APP_JAR (default api/target/marc-api.jar), BENCH_PORT (18182), BENCH_DB (marc_h3_read),
#   BENCH_ES_PREFIX (marc-h3-read), BENCH_CLIENTS (16), BENCH_REQUESTS (15000 per round), BENCH_ROUNDS (3),
#   BENCH_WARMUP (5000), BENCH_MUTATIONS (1500), BENCH_PROFILE (0), BENCH_KEEP_DB (0: the database and the
#   $BENCH_ES_PREFIX-* indexes are dropped at the end),
#   PGHOST/PGPORT/PGUSER (127.0.0.1 / 5432 / postgres), MARC_ES_URL (http://127.0.0.1:9200),
#   BENCH_WORK_DIR (logs and recordings; default a new /tmp dir), BENCH_OPS_CLASSPATH_FILE (skip compiling ops:
#   its runtime classpath, as written by dependency:build-classpath).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

APP_JAR="${APP_JAR:-$ROOT/api/target/marc-api.jar}"
PORT="${BENCH_PORT:-18182}"
DB="${BENCH_DB:-marc_h3_read}"
ES_PREFIX="${BENCH_ES_PREFIX:-marc-h3-read}"
CLIENTS="${BENCH_CLIENTS:-16}"
REQUESTS="${BENCH_REQUESTS:-15000}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP:-5000}"
MUTATIONS="${BENCH_MUTATIONS:-1500}"
PROFILE="${BENCH_PROFILE:-0}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ES_URL="${MARC_ES_URL:-http://127.0.0.1:9200}"

log() { printf '[run-read-benchmark %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$DB" =~ ^[a-z0-9_]+$ ]] || die "BENCH_DB must be a plain database name (got '$DB')"
[[ -f "$APP_JAR" ]] || die "no app jar at $APP_JAR: ./mvnw -B -o -q package -DskipTests -pl api -am"

# shellcheck source=bench-lib.sh
source "$ROOT/ops/bench/bench-lib.sh"
JAVA_HOME="$(pick_jdk)" || die "no JDK >= 21"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

WORK="${BENCH_WORK_DIR:-$(mktemp -d /tmp/marc-read-bench.XXXXXX)}"
mkdir -p "$WORK"
APP_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_process "$APP_PID" "the app" 60
  if [[ "${BENCH_KEEP_DB:-0}" != 1 ]]; then
    psql -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
    # the run's indexes, by name (Elasticsearch refuses wildcard deletes by default)
    for index in $(curl -s "$ES_URL/_cat/indices/$ES_PREFIX-*?h=index" 2>/dev/null); do
      curl -s -X DELETE "$ES_URL/$index" >/dev/null 2>&1 || true
    done
  fi
  log "logs in $WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n "${BENCH_OPS_CLASSPATH_FILE:-}" ]]; then # ops already compiled, its runtime classpath in this file
  cp "$BENCH_OPS_CLASSPATH_FILE" "$WORK/ops.classpath"
else
  log "compiling ops and resolving its classpath"
  ./mvnw -B -o -q -pl ops compile dependency:build-classpath "-Dmdep.outputFile=$WORK/ops.classpath" \
    -Dmdep.includeScope=runtime >"$WORK/mvn.log" 2>&1 || { tail -n 40 "$WORK/mvn.log" >&2; die "could not compile ops"; }
fi
CLASSPATH_OPS="$ROOT/ops/target/classes:$(cat "$WORK/ops.classpath")"

log "fresh database $DB"
psql -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
psql -qc "CREATE DATABASE $DB" >/dev/null

log "starting $APP_JAR on port $PORT"
MARC_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" MARC_ES_URL="$ES_URL" MARC_ES_INDEX_PREFIX="$ES_PREFIX" \
  "$JAVA" -jar "$APP_JAR" --spring.profiles.active=local --server.port="$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for ((i = 0; i < 600; i++)); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the app stopped"; }
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health")" == 200 ]] && break
  sleep 1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health")" == 200 ]] || die "the app did not start"
sleep 10 # the demo data's projections settle

bench() {
  "$JAVA" -cp "$CLASSPATH_OPS" ro.marc.ops.bench.ReadBenchmark --url "http://127.0.0.1:$PORT" --pid "$APP_PID" \
    --clients "$CLIENTS" "$@"
}

log "benchmark: warm-up $WARMUP, $ROUNDS rounds of $REQUESTS queries, $MUTATIONS mutations, C=$CLIENTS"
bench --warmup "$WARMUP" --requests "$REQUESTS" --rounds "$ROUNDS" --mutations "$MUTATIONS" 2>&1 | tee "$WORK/report.txt"

if [[ "$PROFILE" == 1 ]]; then
  for kind in query mutation; do
    log "JFR profile: one $kind round"
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=read-bench settings=profile filename="$WORK/$kind.jfr" >/dev/null
    if [[ "$kind" == query ]]; then
      bench --warmup 200 --requests "$REQUESTS" --rounds 1 --mutations 0 --idle 1 >"$WORK/profile-$kind.txt" 2>&1
    else
      bench --warmup 200 --requests 200 --rounds 1 --mutations "$MUTATIONS" --idle 1 >"$WORK/profile-$kind.txt" 2>&1
    fi
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=read-bench >/dev/null
    "$JAVA_HOME/bin/jfr" print --json --stack-depth 256 --events jdk.ExecutionSample "$WORK/$kind.jfr" >"$WORK/$kind.json"
    echo "== profile of the $kind round ($WORK/$kind.jfr)" | tee -a "$WORK/report.txt"
    python3 "$ROOT/ops/bench/jfr-profile.py" "$WORK/$kind.json" | tee -a "$WORK/report.txt"
  done
fi
