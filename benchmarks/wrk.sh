#!/usr/bin/env bash
# Drives Carafe's gateway server and the servers it is compared with (raw Undertow, raw Jetty 12
# core, the JDK's HttpServer) with wrk over loopback and prints Markdown tables: requests/s and p99
# per scenario and server, and the ratios against the targets. All servers run at once; each round
# runs every scenario on every server in turn, the servers' order rotating by one each round, so
# that the machine's drift hits every server alike, and each ratio is taken within one round.
# See benchmarks/README.md ("Gateway server (wrk)") and benchmarks/RESULTS.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: benchmarks/wrk.sh [options]          (the JDK is the one in JAVA_HOME, else `java` on PATH)
  -r ROUNDS    rounds; each measures every scenario on every server (default 3)
  -d SECONDS   duration of each measured scenario, per round       (default 15)
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
ROUNDS=3
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
while getopts "r:d:w:c:p:D:t:s:P:o:jBh" opt; do
  case "$opt" in
    r) ROUNDS=$OPTARG ;;
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
number "-r (rounds)" "$ROUNDS"
number "-d (duration seconds)" "$DURATION"
number "-w (warm-up seconds)" "$WARMUP"
number "-p (pipelined connections)" "$PIPE_CONNS"
number "-D (pipeline depth)" "$DEPTH"
number "-t (wrk threads)" "$THREADS"
number "-P (port)" "$BASE_PORT"
[ "$ROUNDS" -ge 1 ] || fail "-r (rounds) must be at least 1, got $ROUNDS"
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
declare -A SEEN
for s in "${SERVER_LIST[@]}"; do
  [ -n "${MAIN[$s]:-}" ] || fail "unknown server '$s' in -s; expected a comma-separated list of carafe,undertow,jetty,jdk,app"
  [ -z "${SEEN[$s]:-}" ] || fail "server '$s' appears twice in -s '$SERVERS'; name each server once"
  SEEN[$s]=1
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

# The servers' process ids and ports, by name; every started server is in PID until stopped.
declare -A PID PORT
# Stops every server: TERM (a JFR recording is written on exit), KILL after 10 s.
stop_servers() {
  local s p alive pids=()
  for s in "${!PID[@]}"; do pids+=("${PID[$s]}"); done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2> /dev/null || true
  for _ in $(seq 1 40); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2> /dev/null && alive=1; done
    [ "$alive" -eq 1 ] || break
    sleep 0.25
  done
  kill -KILL "${pids[@]}" 2> /dev/null || true
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
  PID=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# Fails unless the server is still running.
alive() { kill -0 "${PID[$1]}" 2> /dev/null || fail "$1 exited $2; its log: $OUT/$1/server.log"; }

# Waits until the server answers /plaintext, for at most 30 s.
await_server() {
  local server=$1
  for _ in $(seq 1 120); do
    alive "$server" "before answering"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$server]}/plaintext")" = 200 ] && return
    sleep 0.25
  done
  fail "$server did not answer http://127.0.0.1:${PORT[$server]}/plaintext within 30 s; its log: $OUT/$server/server.log"
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

# Per scenario, server and round ("$id,$server,$round"): requests/s, p99 (µs), completed requests,
# the server's CPU ticks during its own run, and what went wrong (empty when nothing did).
declare -A RPS P99 REQUESTS TICKS ERRORS
# Per server, the CPU ticks it used while idle, during the other servers' runs; the most all idle
# servers used together during one run.
declare -A IDLE
IDLE_MAX=0
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<< "$2"; }
TICK=$(getconf CLK_TCK)
# CPU time (user + system, in clock ticks) the process used so far.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# Every run's figures, a line each (the server's CPU µs during its run), for wrk-app.sh and others.
ROUNDS_FILE="$OUT/rounds.tsv"

{
  echo "## wrk run $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Command: \`${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }${JAVA_OPTS:+JAVA_OPTS='$JAVA_OPTS' }benchmarks/wrk.sh -r $ROUNDS -d $DURATION -w $WARMUP -c $CONNS -p $PIPE_CONNS -D $DEPTH -t $THREADS -s $SERVERS -P $BASE_PORT\`"
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
  port=$((port + 1)); PORT[$server]=$port
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    fail "port $port (for $server) is already in use by another process; choose other ports with -P"
  fi
done
# All servers run from here to the end: started, checked and warmed up one after the other.
for server in "${SERVER_LIST[@]}"; do
  dir="$OUT/$server"; mkdir -p "$dir"
  jvm=()
  # shellcheck disable=SC2206
  [ -n "${JAVA_OPTS:-}" ] && jvm=(${JAVA_OPTS})
  [ "$JFR" -eq 1 ] && jvm+=("-XX:StartFlightRecording=filename=$OUT/$server.jfr,settings=profile,dumponexit=true")
  echo "== $server (${MAIN[$server]}) on port ${PORT[$server]}; load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" "${jvm[@]}" -cp "$JAR" "${MAIN[$server]}" "${PORT[$server]}" > "$dir/server.log" 2>&1 &
  PID[$server]=$!
  await_server "$server"
  check_responses "${PORT[$server]}" "$dir/responses.txt"
  alive "$server" "at start (port taken?)"
  if [ "$WARMUP" -gt 0 ]; then
    echo "   warm-up ${WARMUP}s /plaintext, ${WARMUP}s /json"
    run_wrk "$dir/warmup-plaintext.txt" 256 "$WARMUP" "http://127.0.0.1:${PORT[$server]}/plaintext" > /dev/null
    run_wrk "$dir/warmup-json.txt" 256 "$WARMUP" "http://127.0.0.1:${PORT[$server]}/json" > /dev/null
  fi
done

# One wrk run of a scenario on a server in a round; records its results and prints its line.
measure() {
  local id=$1 server=$2 round=$3 s used others result errs e n
  local file="$OUT/$server/${id// /-}-r$round.txt" key="$1,$2,$3" idle=0
  local -A before
  others=$(pgrep -x wrk | wc -l || true)
  for s in "${SERVER_LIST[@]}"; do before[$s]=$(cpu_ticks "${PID[$s]}"); done
  result=$(run_wrk "$file" "${SC_CONNS[$id]}" "$DURATION" \
    "http://127.0.0.1:${PORT[$server]}/${SC_PATH[$id]}" "${SC_DEPTH[$id]}")
  for s in "${SERVER_LIST[@]}"; do
    alive "$s" "during '$id' of round $round on $server"
    used=$(( $(cpu_ticks "${PID[$s]}") - ${before[$s]} ))
    if [ "$s" = "$server" ]; then
      TICKS[$key]=$used
    else
      idle=$((idle + used)); IDLE[$s]=$((${IDLE[$s]:-0} + used))
    fi
  done
  [ "$idle" -le "$IDLE_MAX" ] || IDLE_MAX=$idle
  RPS[$key]=""; P99[$key]=""; REQUESTS[$key]=""
  if [ -z "$result" ]; then
    TICKS[$key]=""; ERRORS[$key]=" wrk failed, see ${file#"$ROOT"/}"
  else
    RPS[$key]=$(field rps "$result")
    P99[$key]=$(field p99_us "$result")
    REQUESTS[$key]=$(field requests "$result")
    errs=""
    for e in connect read write status timeout; do
      n=$(field "$e" "$result"); [ "$n" = 0 ] || errs="$errs $e=$n"
    done
    [ "$others" -eq 0 ] || errs="$errs another wrk was running (disturbed)"
    if [ "${P99[$key]}" = 0 ]; then
      P99[$key]=""; errs="$errs wrk reported p99=0 (no usable latency histogram)"
    fi
    ERRORS[$key]=$errs
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$id" "$server" "${RPS[$key]}" "${P99[$key]}" \
    "${REQUESTS[$key]}" "$(awk -v t="${TICKS[$key]}" -v hz="$TICK" 'BEGIN { if (t != "") printf "%.0f", t * 1e6 / hz }')" \
    >> "$ROUNDS_FILE"
  printf '   %-9s %-30s %10s req/s  p99 %8s us  server CPU %6s us/req %s\n' "$server" "$id" "${RPS[$key]:--}" \
    "${P99[$key]:--}" "$(per_request_us "${TICKS[$key]}" "${REQUESTS[$key]}")" "${ERRORS[$key]}"
}
# CPU µs per request from clock ticks and requests, one decimal, or "-".
per_request_us() {
  awk -v t="$1" -v hz="$TICK" -v n="$2" 'BEGIN { if (t != "" && n > 0) printf "%.1f", t * 1e6 / hz / n; else print "-" }'
}

printf 'round\tscenario\tserver\trps\tp99_us\trequests\tcpu_us\n' > "$ROUNDS_FILE"
count=${#SERVER_LIST[@]}
for round in $(seq 1 "$ROUNDS"); do
  # The servers' order rotates by one each round: round 2 starts with the second server.
  first=$(( (round - 1) % count ))
  order=("${SERVER_LIST[@]:first}" "${SERVER_LIST[@]:0:first}")
  echo "== round $round of $ROUNDS: ${order[*]}; load $(cut -d' ' -f1-3 /proc/loadavg)"
  for id in "${SCENARIOS[@]}"; do
    for server in "${order[@]}"; do measure "$id" "$server" "$round"; done
  done
done
stop_servers

# The median, lowest and highest of the numbers read, one per line ("-" and empty lines skipped), or
# nothing when there are none.
stats() {
  awk '$1 != "" && $1 != "-"' | sort -g | awk '{ v[NR] = $1 }
    END { if (NR) printf "%.6f %.6f %.6f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR] }'
}
# The values of an array (RPS, P99, ...) for a scenario and server, one per round.
rounds_of() {
  local -n values=$1
  local r
  for r in $(seq 1 "$ROUNDS"); do echo "${values[$2,$3,$r]}"; done
}
# Per round, a/b of one array's values for two servers of a scenario; "-" when either is missing.
ratios() {
  local -n values=$1
  local r
  for r in $(seq 1 "$ROUNDS"); do ratio "${values[$2,$3,$r]}" "${values[$2,$4,$r]}"; done
}
# Ratio a/b unrounded, or "-" when either is missing.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.6f\n", a / b }'; }
# Word $2 (1 median, 2 lowest, 3 highest) of stats' line $1, printed with format $3, or "-".
pick() { awk -v s="$1" -v i="$2" -v f="$3" 'BEGIN { if (split(s, w, " ") < i) print "-"; else printf f, w[i] }'; }
range() { if [ -z "$1" ]; then echo -; else echo "$(pick "$1" 2 %.2f)–$(pick "$1" 3 %.2f)"; fi; }
ms() { awk -v u="$1" 'BEGIN { if (u == "" || u == "-") print "-"; else printf "%.2f", u / 1000 }'; }
thousands() { if [ -z "$1" ] || [ "$1" = - ]; then echo -; else sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$1"; fi; }
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
# The median over the rounds of an array's values for a scenario and server, rounded, or "-".
median_of() { pick "$(rounds_of "$@" | stats)" 1 %.0f; }
rate_cells() { echo "$(thousands "$(median_of RPS "$1" "$2")") | $(ms "$(median_of P99 "$1" "$2")") |"; }
# CPU per request over all rounds: the server's ticks in all its runs over all their requests.
cpu_cells() {
  local r ticks=0 requests=0 key
  for r in $(seq 1 "$ROUNDS"); do
    key="$1,$2,$r"
    if [ -z "${TICKS[$key]}" ] || [ -z "${REQUESTS[$key]}" ]; then continue; fi
    ticks=$((ticks + ${TICKS[$key]})); requests=$((requests + ${REQUESTS[$key]}))
  done
  echo "$(per_request_us "$ticks" "$requests") |"
}
# With -r 1 the tables are those of a single run, without the ranges.
if [ "$ROUNDS" -gt 1 ]; then OVER=", median of $ROUNDS rounds" SPAN=1; else OVER="" SPAN=0; fi
# A ratio column's cells from a stats line: the median, then (over several rounds) lowest–highest.
ratio_cells() {
  if [ "$SPAN" -eq 1 ]; then echo "$(pick "$1" 1 %.2f) | $(range "$1")"; else pick "$1" 1 %.2f; fi
}

{
  server_table "Requests/s and p99 latency (ms)$OVER" "@ req/s | @ p99 |" rate_cells
  server_table "Server CPU time per request (µs, user + system, lower is better${OVER:+, all $ROUNDS rounds})" "@ |" cpu_cells
  if has carafe && { has undertow || has jetty; }; then
    echo
    echo "### Carafe against the targets${OVER:+ (per-round ratios: median, lowest–highest)}"
    echo
    if [ "$SPAN" -eq 1 ]; then
      echo "| Scenario | carafe / undertow | rounds | target | | carafe / jetty | rounds | p99 carafe / jetty | rounds | target | |"
      echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|"
    else
      echo "| Scenario | carafe / undertow | target | | carafe / jetty | p99 carafe / jetty | target | |"
      echo "|---|---:|---:|---|---:|---:|---:|---|"
    fi
    for id in "${SCENARIOS[@]}"; do
      # stats lines of the per-round ratios; empty when a server is not in the run
      u=""; j=""; p=""
      has undertow && u=$(ratios RPS "$id" carafe undertow | stats)
      has jetty && j=$(ratios RPS "$id" carafe jetty | stats) && p=$(ratios P99 "$id" carafe jetty | stats)
      target=0.9; [ -n "${SC_DEPTH[$id]}" ] && target=0.5
      # the verdicts use the unrounded median: 0.896 prints as 0.90 but misses 0.9
      echo "| $id | $(ratio_cells "$u") | ≥ $target | $(verdict "$(pick "$u" 1 %.6f)" "$target" ">=") |" \
        "$(ratio_cells "$j") | $(ratio_cells "$p") | ≤ 1.00 | $(verdict "$(pick "$p" 1 %.6f)" 1 "<=") |"
    done
  fi
  if [ "$SPAN" -eq 1 ]; then
    echo
    echo "### Requests/s per round (the servers' order rotates by one each round)"
    echo
    header="| Scenario | Server |" rule="|---|---|"
    for r in $(seq 1 "$ROUNDS"); do header="$header round $r |"; rule="$rule---:|"; done
    echo "$header"; echo "$rule"
    for id in "${SCENARIOS[@]}"; do
      for s in "${SERVER_LIST[@]}"; do
        row="| $id | $s |"
        for r in $(seq 1 "$ROUNDS"); do row="$row $(thousands "${RPS[$id,$s,$r]}") |"; done
        echo "$row"
      done
    done
  fi
  errors=""
  for id in "${SCENARIOS[@]}"; do
    for s in "${SERVER_LIST[@]}"; do
      for r in $(seq 1 "$ROUNDS"); do
        [ -z "${ERRORS[$id,$s,$r]}" ] || errors="$errors\n- $s, $id${OVER:+, round $r}:${ERRORS[$id,$s,$r]}"
      done
    done
  done
  echo
  if [ -n "$errors" ]; then
    echo "wrk errors (socket errors, non-2xx/3xx status, timeouts):"
    echo -e "$errors"
  else
    echo "wrk errors: none (no socket errors, no non-2xx/3xx status, no timeouts)."
  fi
  if [ "$count" -gt 1 ]; then
    idle=""
    for s in "${SERVER_LIST[@]}"; do idle="$idle, $s $(( ${IDLE[$s]:-0} * 1000 / TICK )) ms"; done
    echo
    echo "CPU the servers used while idle (during the others' runs): ${idle#, }; at most" \
      "$((IDLE_MAX * 1000 / TICK)) ms in one run of ${DURATION} s, all idle servers together."
  fi
  echo
  echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg). Raw wrk output and server logs: ${OUT#"$ROOT"/}"
} | tee -a "$OUT/summary.md"
