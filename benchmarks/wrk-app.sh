#!/usr/bin/env bash
# The App framework's overhead over a raw gateway application on the same server, in one run:
# benchmarks/wrk.sh runs `carafe` (GatewayServer + the raw HelloApplication) and `app`
# (GatewayServer + an App with 50 rules, dev.carafe.benchmarks.app.AppMain) at once, each warmed
# up, and drives them in turn on /plaintext and /json for a few rounds (their order swapping each
# round); this script then prints App/raw per scenario, the median of the per-round ratios, against
# the target (App >= 0.85 x raw requests/s). See benchmarks/README.md ("App overhead (wrk)").
set -euo pipefail

usage() {
  cat <<'EOF2'
Usage: benchmarks/wrk-app.sh [options]      (the JDK is the one in JAVA_HOME, else `java` on PATH)
  -r ROUNDS    rounds; each measures every scenario on both servers (default 3)
  -d SECONDS   duration of each measured scenario, per round       (default 15)
  -w SECONDS   warm-up per server: this long on /plaintext, then on /json (default 10)
  -c LIST      connection counts, comma-separated                  (default 64,256)
  -t THREADS   wrk threads                                         (default 2)
  -P PORT      first port; the two servers get the next two        (default 18180, clear of wrk.sh's)
  -o DIR       output directory (default benchmarks/target/wrk/app-<UTC timestamp>)
  -j           record a JFR profile of each server (DIR/carafe.jfr, DIR/app.jfr)
  -B           do not build; use the existing benchmarks/target/benchmarks.jar
  -h           this help
Environment: JAVA_HOME, JAVA_OPTS, MVN_FLAGS, as for benchmarks/wrk.sh.
EOF2
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/benchmarks"
TARGET=0.85
ROUNDS=3 DURATION=15 WARMUP=10 CONNS=64,256 THREADS=2 BASE_PORT=18180 OUT="" FLAGS=()
while getopts "r:d:w:c:t:P:o:jBh" opt; do
  case "$opt" in
    r) ROUNDS=$OPTARG ;;
    d) DURATION=$OPTARG ;;
    w) WARMUP=$OPTARG ;;
    c) CONNS=$OPTARG ;;
    t) THREADS=$OPTARG ;;
    P) BASE_PORT=$OPTARG ;;
    o) OUT=$OPTARG ;;
    j) FLAGS+=(-j) ;;
    B) FLAGS+=(-B) ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -gt 0 ]; then
  echo "wrk-app.sh: unexpected argument '$1'; options only, see -h" >&2
  exit 2
fi
[ -n "$OUT" ] || OUT="$BENCH/target/wrk/app-$(date -u +%Y%m%dT%H%M%SZ)"

# wrk.sh validates the options, builds, starts both servers (and stops them, trap on exit), warms
# them up, checks their bytes and headers, writes wrk's output per scenario and round to
# OUT/<server>/<scenario>-r<N>.txt and every run's figures to OUT/rounds.tsv.
"$BENCH/wrk.sh" -s carafe,app -D 0 -r "$ROUNDS" -d "$DURATION" -w "$WARMUP" -c "$CONNS" -t "$THREADS" \
  -P "$BASE_PORT" -o "$OUT" "${FLAGS[@]}"

# requests/s and p99 of OUT/rounds.tsv (round, scenario, server, rps, p99_us, requests, cpu_us) by
# "$scenario,$server,$round" (read through namerefs).
declare -A RPS P99
# shellcheck disable=SC2034
while IFS=$'\t' read -r round id server rps p99 _; do
  RPS[$id,$server,$round]=$rps; P99[$id,$server,$round]=$p99
done < <(tail -n +2 "$OUT/rounds.tsv")

# The median, lowest and highest of the numbers read, one per line ("-" and empty lines skipped), or
# nothing when there are none.
stats() {
  awk '$1 != "" && $1 != "-"' | sort -g | awk '{ v[NR] = $1 }
    END { if (NR) printf "%.6f %.6f %.6f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR] }'
}
# Per round, one per line: an array's value for a scenario and server ($3 = the server), or app / raw
# of it ($3 = ratio), "-" when either is missing.
per_round() {
  local -n values=$1
  local r a b
  for r in $(seq 1 "$ROUNDS"); do
    a=${values[$2,app,$r]:-} b=${values[$2,carafe,$r]:-}
    if [ "$3" = ratio ]; then
      awk -v a="$a" -v b="$b" 'BEGIN { if (a != "" && a != "-" && b != "" && b != "-" && b != 0) printf "%.6f\n", a / b; else print "-" }'
    else
      echo "${values[$2,$3,$r]:-}"
    fi
  done
}
# Word $2 (1 median, 2 lowest, 3 highest) of stats' line $1, printed with format $3, or "-".
pick() { awk -v s="$1" -v i="$2" -v f="$3" 'BEGIN { if (split(s, w, " ") < i) print "-"; else printf f, w[i] }'; }
thousands() { if [ "$1" = - ]; then echo -; else sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$1"; fi; }
ms() { awk -v u="$1" 'BEGIN { if (u == "-") print "-"; else printf "%.2f", u / 1000 }'; }
# A server's CPU µs per request over all rounds: its CPU time in all its runs over their requests.
cpu() {
  awk -F'\t' -v id="$1" -v server="$2" '
    NR > 1 && $2 == id && $3 == server && $6 != "" && $7 != "" { us += $7; n += $6 }
    END { if (n > 0) printf "%.1f", us / n; else print "-" }' "$OUT/rounds.tsv"
}

{
  echo
  if [ "$ROUNDS" -gt 1 ]; then
    echo "### App overhead: App (50 rules) / raw gateway application, same server, same run, median of $ROUNDS rounds"
    echo
    echo "Requests/s and p99: medians over the rounds; App / raw: median of the per-round ratios, and the lowest–highest; CPU: all rounds."
  else
    echo "### App overhead: App (50 rules) / raw gateway application, same server, same run"
  fi
  echo
  # with -r 1, no lowest–highest column
  span=""; [ "$ROUNDS" -eq 1 ] || span=" rounds |"
  echo "| Scenario | raw req/s | App req/s | App / raw |$span target | | raw p99 ms | App p99 ms | raw CPU µs/req | App CPU µs/req | CPU App / raw |"
  echo "|---|---:|---:|---:|${span:+---:|}---:|---|---:|---:|---:|---:|---:|"
  IFS=, read -r -a CONN_LIST <<< "$CONNS"
  missed=0 measured=0
  for path in plaintext json; do
    for c in "${CONN_LIST[@]}"; do
      id="$path c$c"
      r=$(per_round RPS "$id" ratio | stats)
      verdict=n/a
      if [ -n "$r" ]; then
        measured=$((measured + 1))
        # on the unrounded median: 0.846 prints as 0.85 but misses
        if awk -v m="$(pick "$r" 1 %.6f)" -v t="$TARGET" 'BEGIN { exit !(m >= t) }'; then verdict=met; else verdict="**missed**"; missed=$((missed + 1)); fi
      fi
      range=""
      if [ -n "$span" ] && [ -n "$r" ]; then range=" $(pick "$r" 2 %.2f)–$(pick "$r" 3 %.2f) |"; fi
      if [ -n "$span" ] && [ -z "$r" ]; then range=" - |"; fi
      rawcpu=$(cpu "$id" carafe); appcpu=$(cpu "$id" app)
      cpuratio=$(awk -v a="$appcpu" -v b="$rawcpu" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }')
      echo "| $id | $(thousands "$(pick "$(per_round RPS "$id" carafe | stats)" 1 %.0f)") |" \
        "$(thousands "$(pick "$(per_round RPS "$id" app | stats)" 1 %.0f)") | $(pick "$r" 1 %.2f) |$range" \
        "≥ $TARGET | $verdict | $(ms "$(pick "$(per_round P99 "$id" carafe | stats)" 1 %.0f)") |" \
        "$(ms "$(pick "$(per_round P99 "$id" app | stats)" 1 %.0f)") | $rawcpu | $appcpu | $cpuratio |"
    done
  done
  echo
  how=""; [ "$ROUNDS" -eq 1 ] || how=", median of the per-round ratios"
  if [ "$measured" -eq 0 ]; then
    echo "No scenario measured on both servers: see the wrk output under ${OUT#"$ROOT"/}."
  elif [ "$missed" -eq 0 ]; then
    echo "Target (App ≥ $TARGET × raw requests/s$how) met in all $measured scenarios."
  else
    echo "Target (App ≥ $TARGET × raw requests/s$how) **missed** in $missed of $measured scenarios."
  fi
} | tee "$OUT/app-overhead.md"
