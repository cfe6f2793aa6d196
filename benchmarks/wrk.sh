#!/usr/bin/env bash
# Drives Carafe's gateway server and the servers it is compared with (raw Undertow, raw Jetty 12
# core, the JDK's HttpServer) with wrk over loopback, one server at a time, and prints Markdown
# tables: requests/s and p99 per scenario and server, and the ratios against the targets.
# See benchmarks/README.md ("Gateway server (wrk)") and benchmarks/RESULTS.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: benchmarks/wrk.sh [options]          (the JDK is the one in JAVA_HOME, else `java` on PATH)
  -d SECONDS   duration of each measured scenario                 (default 15)
  -w SECONDS   warm-up per server: this long on /plaintext, then on /json (default 10)
  -c LIST      connection counts for plaintext and json, comma-separated (default 64,256)
  -p CONNS     connections for the pipelined scenario              (default 256)
  -D DEPTH     pipeline depth; 0 skips the pipelined scenario     (default 16)
  -t THREADS   wrk threads                                         (default 2)
  -s LIST      servers, comma-separated, from carafe,undertow,jetty,jdk,app (default the first four)
  -P PORT      first port; each server gets the next one           (default 18080)
  -o DIR       where wrk's raw output, server logs and summary.md go
               (default benchmarks/target/wrk/<UTC timestamp>)
  -j           record a JFR profile of each server (DIR/<server>.jfr, settings=profile)
  -B           do not build; use the existing benchmarks/target/benchmarks.jar
  -h           this help
Environment: JAVA_HOME (the JDK the servers run on), JAVA_OPTS (extra JVM flags, same for every
server), MVN_FLAGS (extra Maven flags for the build, for example -o).
EOF
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/benchmarks"
DURATION=15
WARMUP=10
CONNS=64,256
PIPE_CONNS=256
DEPTH=16
THREADS=2
SERVERS=carafe,undertow,jetty,jdk
BASE_PORT=18080
OUT=""
JFR=0
BUILD=1
while getopts "d:w:c:p:D:t:s:P:o:jBh" opt; do
  case "$opt" in
    d) DURATION=$OPTARG ;;
    w) WARMUP=$OPTARG ;;
    c) CONNS=$OPTARG ;;
    p) PIPE_CONNS=$OPTARG ;;
    D) DEPTH=$OPTARG ;;
    t) THREADS=$OPTARG ;;
    s) SERVERS=$OPTARG ;;
    P) BASE_PORT=$OPTARG ;;
    o) OUT=$OPTARG ;;
    j) JFR=1 ;;
    B) BUILD=0 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -gt 0 ]; then
  echo "wrk.sh: unexpected argument '$1'; options only, see -h" >&2
  exit 2
fi

fail() { echo "wrk.sh: $*" >&2; exit 1; }
number() { [[ "$2" =~ ^[0-9]+$ ]] || fail "$1 must be a whole number, got '$2'"; }
number "-d (duration seconds)" "$DURATION"
number "-w (warm-up seconds)" "$WARMUP"
number "-p (pipelined connections)" "$PIPE_CONNS"
number "-D (pipeline depth)" "$DEPTH"
number "-t (wrk threads)" "$THREADS"
number "-P (port)" "$BASE_PORT"
[ "$DURATION" -ge 1 ] || fail "-d (duration seconds) must be at least 1, got $DURATION"
IFS=, read -r -a CONN_LIST <<< "$CONNS"
for c in "${CONN_LIST[@]}"; do
  number "-c (connection counts)" "$c"
  [ "$c" -ge "$THREADS" ] || fail "wrk needs at least as many connections as threads: -c $c < -t $THREADS"
done

declare -A MAIN=(
  [carafe]=dev.carafe.benchmarks.server.CarafeMain
  [undertow]=dev.carafe.benchmarks.server.UndertowMain
  [jetty]=dev.carafe.benchmarks.server.JettyMain
  [jdk]=dev.carafe.benchmarks.server.JdkHttpServerMain
  [app]=dev.carafe.benchmarks.app.AppMain   # Carafe's App with 50 rules; see benchmarks/wrk-app.sh
)
IFS=, read -r -a SERVER_LIST <<< "$SERVERS"
for s in "${SERVER_LIST[@]}"; do
  [ -n "${MAIN[$s]:-}" ] || fail "unknown server '$s' in -s; expected a comma-separated list of carafe,undertow,jetty,jdk,app"
done

# Tools: wrk (Debian's package) and curl, installed when missing.
install_missing() {
  local missing=()
  for tool in "$@"; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]} from Debian's packages"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" > /dev/null \
    || fail "could not install ${missing[*]}; install them (apt-get install ${missing[*]}) and run again"
}
install_missing wrk curl

if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java); fi
[ -x "$JAVA" ] || fail "no java at '$JAVA'; set JAVA_HOME to a JDK 17 or later"
JAR="$BENCH/target/benchmarks.jar"
[ -n "$OUT" ] || OUT="$BENCH/target/wrk/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

if [ "$BUILD" -eq 1 ]; then
  echo "Building $JAR"
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests)
fi
[ -f "$JAR" ] || fail "$JAR is missing; run without -B to build it"

SERVER_PID=""
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2> /dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$SERVER_PID" 2> /dev/null || break
    sleep 0.25
  done
  kill -KILL "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Waits until the server answers /plaintext, for at most 30 s.
await_server() {
  local port=$1 log=$2
  for _ in $(seq 1 120); do
    kill -0 "$SERVER_PID" 2> /dev/null || fail "the server exited before answering; its log: $log"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/plaintext")" = 200 ] && return
    sleep 0.25
  done
  fail "the server did not answer http://127.0.0.1:$port/plaintext within 30 s; its log: $log"
}

# Checks that the server sends the bytes and headers every server must send.
check_responses() {
  local port=$1 file=$2 path body type expected
  : > "$file"
  for path in plaintext json; do
    if [ "$path" = plaintext ]; then
      expected='Hello, World!' type='text/plain'
    else
      expected='{"message":"Hello, World!"}' type='application/json'
    fi
    curl -s -i "http://127.0.0.1:$port/$path" | tr -d '\r' > "$file.tmp"
    cat "$file.tmp" >> "$file"; echo >> "$file"
    body=$(sed '1,/^$/d' "$file.tmp")
    [ "$body" = "$expected" ] || fail "/$path answered '$body', expected '$expected' (see $file)"
    grep -qix "content-type: $type" "$file.tmp" || fail "/$path lacks 'Content-Type: $type' (see $file)"
    grep -qix "content-length: ${#expected}" "$file.tmp" \
      || fail "/$path lacks 'Content-Length: ${#expected}' (see $file)"
  done
  rm -f "$file.tmp"
}

# Runs wrk; prints its output to the file and the WRKRESULT line's fields to stdout.
run_wrk() {
  local file=$1 conns=$2 seconds=$3 url=$4 depth=${5:-}
  local script="$BENCH/report.lua" extra=()
  if [ -n "$depth" ]; then script="$BENCH/pipeline.lua"; extra=(-- "$depth"); fi
  local cmd=(wrk "-t$THREADS" "-c$conns" "-d${seconds}s" --latency -s "$script" "$url" "${extra[@]}")
  echo "\$ ${cmd[*]}" > "$file"
  timeout -k 10 $((seconds + 60)) "${cmd[@]}" >> "$file" 2>&1 || echo "wrk failed: exit $?" >> "$file"
  grep '^WRKRESULT ' "$file" | tail -1 | cut -d' ' -f2- || true
}

SCENARIOS=()
declare -A SC_PATH SC_CONNS SC_DEPTH
for path in plaintext json; do
  for c in "${CONN_LIST[@]}"; do
    id="$path c$c"; SCENARIOS+=("$id"); SC_PATH[$id]=$path; SC_CONNS[$id]=$c; SC_DEPTH[$id]=""
  done
done
if [ "$DEPTH" -gt 0 ]; then
  id="plaintext pipelined $DEPTH c$PIPE_CONNS"
  SCENARIOS+=("$id"); SC_PATH[$id]=plaintext; SC_CONNS[$id]=$PIPE_CONNS; SC_DEPTH[$id]=$DEPTH
fi

declare -A RPS P99 CPU ERRORS
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<< "$2"; }
TICK=$(getconf CLK_TCK)
# CPU time (user + system, in clock ticks) the server process used so far.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$SERVER_PID/stat"; }

{
  echo "## wrk run $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Command: \`${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }${JAVA_OPTS:+JAVA_OPTS='$JAVA_OPTS' }benchmarks/wrk.sh -d $DURATION -w $WARMUP -c $CONNS -p $PIPE_CONNS -D $DEPTH -t $THREADS -s $SERVERS -P $BASE_PORT\`"
  echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  others=$(pgrep -x wrk | wc -l || true)
  [ "$others" -eq 0 ] || echo "WARNING: $others other wrk process(es) running: this run's numbers are disturbed"
  echo "JDK: $JAVA: $("$JAVA" -version 2>&1 | sed -n 1,2p | paste -sd ';' -)"
} | tee "$OUT/summary.md"
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -XX:+PrintCommandLineFlags -version 2>&1 | sed 's/^/    /'
echo

port=$BASE_PORT
for server in "${SERVER_LIST[@]}"; do
  port=$((port + 1))
  dir="$OUT/$server"; mkdir -p "$dir"
  jvm=()
  # shellcheck disable=SC2206
  [ -n "${JAVA_OPTS:-}" ] && jvm=(${JAVA_OPTS})
  [ "$JFR" -eq 1 ] && jvm+=("-XX:StartFlightRecording=filename=$OUT/$server.jfr,settings=profile,dumponexit=true")
  echo "== $server (${MAIN[$server]}) on port $port; load $(cut -d' ' -f1-3 /proc/loadavg)"
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    fail "port $port is already in use by another process; choose other ports with -P"
  fi
  "$JAVA" "${jvm[@]}" -cp "$JAR" "${MAIN[$server]}" "$port" > "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  await_server "$port" "$dir/server.log"
  check_responses "$port" "$dir/responses.txt"
  kill -0 "$SERVER_PID" 2> /dev/null || fail "$server exited at start (port taken?); its log: $dir/server.log"
  if [ "$WARMUP" -gt 0 ]; then
    echo "   warm-up ${WARMUP}s /plaintext, ${WARMUP}s /json"
    run_wrk "$dir/warmup-plaintext.txt" 256 "$WARMUP" "http://127.0.0.1:$port/plaintext" > /dev/null
    run_wrk "$dir/warmup-json.txt" 256 "$WARMUP" "http://127.0.0.1:$port/json" > /dev/null
  fi
  for id in "${SCENARIOS[@]}"; do
    others=$(pgrep -x wrk | wc -l || true)
    before=$(cpu_ticks)
    result=$(run_wrk "$dir/${id// /-}.txt" "${SC_CONNS[$id]}" "$DURATION" \
      "http://127.0.0.1:$port/${SC_PATH[$id]}" "${SC_DEPTH[$id]}")
    used=$(( $(cpu_ticks) - before ))
    if [ -z "$result" ]; then
      RPS[$id,$server]=""; P99[$id,$server]=""; CPU[$id,$server]=""; ERRORS[$id,$server]="wrk failed, see $dir/${id// /-}.txt"
    else
      RPS[$id,$server]=$(field rps "$result")
      P99[$id,$server]=$(field p99_us "$result")
      CPU[$id,$server]=$(awk -v t="$used" -v hz="$TICK" -v n="$(field requests "$result")" \
        'BEGIN { if (n > 0) printf "%.1f", t * 1e6 / hz / n }')
      errs=""
      for e in connect read write status timeout; do
        n=$(field "$e" "$result"); [ "$n" = 0 ] || errs="$errs $e=$n"
      done
      [ "$others" -eq 0 ] || errs="$errs another wrk was running (disturbed)"
      if [ "${P99[$id,$server]}" = 0 ]; then
        P99[$id,$server]=""; errs="$errs wrk reported p99=0 (no usable latency histogram)"
      fi
      ERRORS[$id,$server]=$errs
    fi
    kill -0 "$SERVER_PID" 2> /dev/null || fail "$server died during '$id'; its log: $dir/server.log"
    printf '   %-30s %10s req/s  p99 %8s us  server CPU %6s us/req %s\n' "$id" "${RPS[$id,$server]:--}" \
      "${P99[$id,$server]:--}" "${CPU[$id,$server]:--}" "${ERRORS[$id,$server]}"
  done
  stop_server
done

# Ratio a/b with two decimals, or "-" when either is missing.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
ms() { awk -v u="$1" 'BEGIN { if (u == "") print "-"; else printf "%.2f", u / 1000 }'; }
thousands() { if [ -z "$1" ]; then echo -; else sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$1"; fi; }
has() { [[ ",$SERVERS," == *",$1,"* ]]; }
verdict() { awk -v r="$1" -v t="$2" -v op="$3" 'BEGIN { if (r == "-") print "n/a"; else if ((op == ">=" && r >= t) || (op == "<=" && r <= t)) print "met"; else print "**missed**" }'; }

# A scenario × server table: $1 its title, $2 the header cells per server (@ = the server's name),
# $3 the function printing one server's cells of a row (arguments: scenario, server).
server_table() {
  local title=$1 columns=$2 cells=$3 header="| Scenario |" rule="|---|" pipes s id row
  pipes=${columns//[^|]/}
  echo
  echo "### $title"
  echo
  for s in "${SERVER_LIST[@]}"; do header="$header ${columns//@/$s}"; rule="$rule${pipes//|/---:|}"; done
  echo "$header"; echo "$rule"
  for id in "${SCENARIOS[@]}"; do
    row="| $id |"
    for s in "${SERVER_LIST[@]}"; do row="$row $("$cells" "$id" "$s")"; done
    echo "$row"
  done
}
rate_cells() { echo "$(thousands "${RPS[$1,$2]}") | $(ms "${P99[$1,$2]}") |"; }
cpu_cells() { echo "${CPU[$1,$2]:--} |"; }

{
  server_table "Requests/s and p99 latency (ms)" "@ req/s | @ p99 |" rate_cells
  server_table "Server CPU time per request (µs, user + system, lower is better)" "@ |" cpu_cells
  if has carafe; then
    echo
    echo "### Carafe against the targets"
    echo
    echo "| Scenario | carafe / undertow | target | | carafe / jetty | p99 carafe / jetty | target | |"
    echo "|---|---:|---:|---|---:|---:|---:|---|"
    for id in "${SCENARIOS[@]}"; do
      u=-; j=-; p=-
      has undertow && u=$(ratio "${RPS[$id,carafe]}" "${RPS[$id,undertow]}")
      has jetty && j=$(ratio "${RPS[$id,carafe]}" "${RPS[$id,jetty]}")
      has jetty && p=$(ratio "${P99[$id,carafe]}" "${P99[$id,jetty]}")
      target=0.9; [ -n "${SC_DEPTH[$id]}" ] && target=0.5
      echo "| $id | $u | ≥ $target | $(verdict "$u" "$target" ">=") | $j | $p | ≤ 1.00 | $(verdict "$p" 1 "<=") |"
    done
  fi
  errors=""
  for id in "${SCENARIOS[@]}"; do
    for s in "${SERVER_LIST[@]}"; do
      [ -z "${ERRORS[$id,$s]}" ] || errors="$errors\n- $s, $id:${ERRORS[$id,$s]}"
    done
  done
  echo
  if [ -n "$errors" ]; then
    echo "wrk errors (socket errors, non-2xx/3xx status, timeouts):"
    echo -e "$errors"
  else
    echo "wrk errors: none (no socket errors, no non-2xx/3xx status, no timeouts)."
  fi
  echo
  echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg). Raw wrk output and server logs: ${OUT#"$ROOT"/}"
} | tee -a "$OUT/summary.md"
