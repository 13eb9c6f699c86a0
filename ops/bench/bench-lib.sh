# Shell functions shared by the benchmark scripts (sourced, not run). The caller defines log and die.

java_major() {
  local version
  version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  version="${version#1.}"   # 1.8 -> 8
  echo "${version%%.*}"
}

pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
    echo "$JAVA_HOME"
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/temurin-25*; do
    if [[ -x "$candidate/bin/java" ]] && (( $(java_major "$candidate") >= 21 )); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

stop_process() { # pid, description, grace seconds
  local pid="$1" what="$2" grace="$3" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$what did not stop within ${grace}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
