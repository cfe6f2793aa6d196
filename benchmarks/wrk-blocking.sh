#!/usr/bin/env bash
# The gateway server's thread modes on an application that blocks: Carafe's raw HelloApplication
# (dev.carafe.benchmarks.server.CarafeMain) with each threadMode in turn, driven by wrk on
# /blocking (sleeps HelloWorld.BLOCKING_MILLIS, 20 ms, then answers) and, for comparison, on
# /plaintext, for a few rounds. One server runs at a time; each is warmed up first. Prints one line
# per run and a table of medians. See benchmarks/README.md ("Blocking applications").
set -euo pipefail

usage() {
  cat <<'EOF2'
Usage: benchmarks/wrk-blocking.sh [options]   (the JDK is the one in JAVA_HOME, else `java` on PATH)
  -m LIST      thread modes, comma-separated: auto, platform, virtual, hybrid (default auto,platform)
  -p LIST      paths, comma-separated                              (default /blocking,/plaintext)
  -c LIST      connection counts, comma-separated                  (default 64,1000)
  -r ROUNDS    rounds; each runs every mode on every path and count (default 3)
  -d SECONDS   duration of each measured run                       (default 10)
  -w SECONDS   warm-up of each server, on the run's path            (default 5)
  -t THREADS   wrk threads                                         (default 2)
  -P PORT      the server's port                                   (default 18795)
  -o DIR       output directory (default benchmarks/target/wrk/blocking-<UTC timestamp>)
  -B           do not build; use the existing jar (BENCH_JAR, default benchmarks/target/benchmarks.jar)
  -h           this help
Environment: JAVA_HOME, JAVA_OPTS (extra JVM options), MVN_FLAGS (extra Maven flags, e.g. -o),
BENCH_JAR (the jar to run: compare two builds by running the script once with each).
EOF2
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODES=auto,platform PATHS=/blocking,/plaintext CONNS=64,1000 ROUNDS=3 DURATION=10 WARMUP=5
THREADS=2 PORT=18795 OUT="" BUILD=1
while getopts "m:p:c:r:d:w:t:P:o:Bh" opt; do
  case "$opt" in
    m) MODES=$OPTARG ;;
    p) PATHS=$OPTARG ;;
    c) CONNS=$OPTARG ;;
    r) ROUNDS=$OPTARG ;;
    d) DURATION=$OPTARG ;;
    w) WARMUP=$OPTARG ;;
    t) THREADS=$OPTARG ;;
    P) PORT=$OPTARG ;;
    o) OUT=$OPTARG ;;
    B) BUILD=0 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}
OUT=${OUT:-$ROOT/benchmarks/target/wrk/blocking-$(date -u +%Y%m%dT%H%M%SZ)}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
if [ "$BUILD" = 1 ]; then
  (cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "no jar at $JAR: build it (drop -B) or set BENCH_JAR" >&2; exit 1; }
mkdir -p "$OUT"
echo "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; jar $JAR" | tee "$OUT/setup.txt"

SERVER=""
stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}
trap stop_server EXIT

wait_for_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the server did not listen on port $PORT within 10 s; see $OUT/server.log" >&2
  exit 1
}

# One line per run: round, mode, path, connections, requests/s, p50, p99, errors (wrk's own words).
RESULTS="$OUT/runs.tsv"
: > "$RESULTS"
IFS=, read -r -a mode_list <<< "$MODES"
IFS=, read -r -a path_list <<< "$PATHS"
IFS=, read -r -a conn_list <<< "$CONNS"
for round in $(seq 1 "$ROUNDS"); do
  for path in "${path_list[@]}"; do
    for conns in "${conn_list[@]}"; do
      for mode in "${mode_list[@]}"; do
        # shellcheck disable=SC2086
        "$JAVA" ${JAVA_OPTS:-} "-Dcarafe.threadMode=$mode" -cp "$JAR" \
          dev.carafe.benchmarks.server.CarafeMain "$PORT" >> "$OUT/server.log" 2>&1 &
        SERVER=$!
        wait_for_port
        wrk -t"$THREADS" -c"$conns" -d"$WARMUP" "http://127.0.0.1:$PORT$path" > /dev/null
        out=$(wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path")
        stop_server
        rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
        p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
        p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
        errors=$(grep -E "Socket errors|Non-2xx" <<< "$out" | tr -s ' ' | tr '\n' ' ' || true)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$path" "$conns" "$rps" "$p50" "$p99" \
          "${errors:-none}" | tee -a "$RESULTS"
      done
    done
  done
done

echo
echo "Medians of $ROUNDS rounds (requests/s, p99):"
printf '%-10s %-11s %6s %12s %10s\n' mode path conns rps p99
sort -t$'\t' -k2,2 -k3,3 -k4,4n "$RESULTS" | awk -F'\t' -v rounds="$ROUNDS" '
  function flush() {
    if (n == 0) return
    m = int((n + 1) / 2)
    printf "%-10s %-11s %6s %12.0f %10s\n", key_mode, key_path, key_conns, sorted_rps[m], p99s[m]
  }
  {
    key = $2 FS $3 FS $4
    if (key != last) { flush(); n = 0; last = key; key_mode = $2; key_path = $3; key_conns = $4 }
    n++; rps[n] = $5; p99s[n] = $7
    # insertion sort of the rps values, carrying p99 along
    for (i = n; i > 1 && rps[i - 1] + 0 > rps[i] + 0; i--) {
      t = rps[i]; rps[i] = rps[i - 1]; rps[i - 1] = t
      t = p99s[i]; p99s[i] = p99s[i - 1]; p99s[i - 1] = t
    }
    for (i = 1; i <= n; i++) sorted_rps[i] = rps[i]
  }
  END { flush() }' | tee "$OUT/medians.txt"
