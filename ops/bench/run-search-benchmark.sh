#!/usr/bin/env bash
# Runs ro.marc.query.search.NomenclatureSearchBenchmark (query-side test sources: ops cannot depend on
# query-side, which uses ops for its tests) end to end on this machine:
#   1. picks a JDK >= 21 and compiles query-side with its tests (and the modules it needs);
#   2. uses MARC_ES_URL when set; else starts Elasticsearch through ro.marc.ops.services.ServicesMain
#      (reusing what already runs on 127.0.0.1:9200 / :5432, exactly as the local run does);
#   3. runs the benchmark: it generates and bulk-indexes the corpora into fresh marc-bench-search-* indexes,
#      searches, prints the figures and deletes its indexes; then stops the services it started.
#
# Environment: BENCH_RISKS (default 100000), BENCH_SEARCHES (2000), BENCH_THREADS (4), BENCH_WARMUP (300),
#              BENCH_SMALL (500), BENCH_ARGS (extra benchmark options, e.g. "--keep"),
#              BENCH_JAVA_OPTS (JVM options of the benchmark), BENCH_WORK_DIR (logs; default a new /tmp dir).
# Exit code: the benchmark's (0 ok, 1 searches failed, 3 could not run), or 1 when the setup failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

RISKS="${BENCH_RISKS:-100000}"
SEARCHES="${BENCH_SEARCHES:-2000}"
THREADS="${BENCH_THREADS:-4}"
WARMUP="${BENCH_WARMUP:-300}"
SMALL="${BENCH_SMALL:-500}"

log() { printf '[run-search-benchmark %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for value in "$RISKS" "$SEARCHES" "$THREADS" "$WARMUP" "$SMALL"; do
  [[ "$value" =~ ^[0-9]+$ ]] || die "BENCH_RISKS, BENCH_SEARCHES, BENCH_THREADS, BENCH_WARMUP and BENCH_SMALL must be numbers (got '$value')"
done

# ---------------------------------------------------------------- JDK

# shellcheck source=bench-lib.sh
source "$ROOT/ops/bench/bench-lib.sh"

JAVA_HOME="$(pick_jdk)" || die "no JDK >= 21: set JAVA_HOME or install one under /usr/lib/jvm/temurin-25*"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
log "JDK $JAVA_HOME (Java $(java_major "$JAVA_HOME"))"

# ---------------------------------------------------------------- cleanup

WORK="${BENCH_WORK_DIR:-$(mktemp -d /tmp/marc-search-bench.XXXXXX)}"
mkdir -p "$WORK"
SERVICES_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # ServicesMain's shutdown hook stops the Elasticsearch (and embedded PostgreSQL) it started itself.
  stop_process "$SERVICES_PID" "the services (ServicesMain)" 60
  log "logs in $WORK (mvn.log, services.log, report.txt)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build

MVN=(./mvnw -B -q)
log "compiling query-side with its tests and resolving its test classpath"
MVN_ARGS=(-pl query-side -am test-compile dependency:build-classpath "-Dmdep.outputFile=$WORK/query-side.classpath"
          -Dmdep.includeScope=test)
if ! "${MVN[@]}" -o "${MVN_ARGS[@]}" >"$WORK/mvn.log" 2>&1; then
  log "offline build failed; retrying online"
  "${MVN[@]}" "${MVN_ARGS[@]}" >>"$WORK/mvn.log" 2>&1 || { tail -n 40 "$WORK/mvn.log" >&2; die "could not compile query-side"; }
fi
# -am builds events and ops from this checkout: put their classes first (the resolved classpath may point at them too)
CLASSPATH_BENCH="$ROOT/query-side/target/test-classes:$ROOT/query-side/target/classes:$ROOT/ops/target/classes:$ROOT/events/target/classes:$(cat "$WORK/query-side.classpath")"

# ---------------------------------------------------------------- services

if [[ -z "${MARC_ES_URL:-}" ]]; then
  log "starting the services (ServicesMain; output in $WORK/services.log)"
  "$JAVA" -Dmaven.repo.local="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" -cp "$CLASSPATH_BENCH" \
    ro.marc.ops.services.ServicesMain >"$WORK/services.out" 2>"$WORK/services.log" &
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
  while IFS= read -r line; do
    case "$line" in
      "export MARC_ES_URL="*) eval "${line#export }" ;;
    esac
  done <"$WORK/services.out"
  [[ -n "${MARC_ES_URL:-}" ]] || die "could not read the Elasticsearch endpoint from $WORK/services.out"
fi
log "Elasticsearch $MARC_ES_URL"

# ---------------------------------------------------------------- benchmark

EXTRA_ARGS=()
if [[ -n "${BENCH_ARGS:-}" ]]; then
  read -r -a EXTRA_ARGS <<<"$BENCH_ARGS"
fi
JAVA_OPTS=()
if [[ -n "${BENCH_JAVA_OPTS:-}" ]]; then
  read -r -a JAVA_OPTS <<<"$BENCH_JAVA_OPTS"
fi
log "running the benchmark: $RISKS risks, $SEARCHES searches, $THREADS threads, $WARMUP warm-up, small corpus $SMALL ${EXTRA_ARGS[*]}"
set +e
"$JAVA" "${JAVA_OPTS[@]}" -cp "$CLASSPATH_BENCH" ro.marc.query.search.NomenclatureSearchBenchmark \
  --es "$MARC_ES_URL" --risks "$RISKS" --searches "$SEARCHES" --threads "$THREADS" --warmup "$WARMUP" \
  --small "$SMALL" "${EXTRA_ARGS[@]}" 2>"$WORK/benchmark.log" | tee "$WORK/report.txt"
rc=${PIPESTATUS[0]}
set -e
if [[ "$rc" != "0" ]]; then
  tail -n 40 "$WORK/benchmark.log" >&2
fi
exit "$rc"
