#!/usr/bin/env bash
# Templates: TechEmpower's fortunes page through Carafe's Templates vs Pebble called directly
# (dev.carafe.benchmarks.templates.FortunesBenchmark), in alternating rounds: each round runs the
# four benchmarks one after the other in sample mode, so that a change of load on a shared machine
# hits both sides. Prints min, p50 and mean per benchmark and round, and Carafe/Pebble per round;
# the target is Carafe within 10% of Pebble (ratio <= 1.10). See benchmarks/README.md ("Templates").
set -euo pipefail

usage() {
  cat <<'EOF2'
Usage: benchmarks/fortunes.sh [options]     (the JDK is the one in JAVA_HOME, else `java` on PATH)
  -r ROUNDS    rounds of the four benchmarks                           (default 3)
  -o DIR       output directory (default benchmarks/target/fortunes-<UTC timestamp>)
  -B           do not build; use the existing benchmarks/target/benchmarks.jar
  -h           this help
Each run: -bm sample -tu ns -f 1 -wi 3 -w 1s -i 5 -r 2s (JMH), about 15 s per benchmark and round.
EOF2
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=3 OUT="" BUILD=1
while getopts "r:o:Bh" opt; do
  case "$opt" in
    r) ROUNDS=$OPTARG ;;
    o) OUT=$OPTARG ;;
    B) BUILD=0 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=${OUT:-$ROOT/benchmarks/target/fortunes-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
if [ "$BUILD" = 1 ]; then
  (cd "$ROOT" && mvn -B -o -q -pl benchmarks -am package -DskipTests)
fi
echo "# $("$JAVA" -version 2>&1 | head -1); nproc $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for bench in carafeString pebbleString carafeRender pebbleBytes; do
    "$JAVA" -jar "$ROOT/benchmarks/target/benchmarks.jar" "templates.FortunesBenchmark.$bench\$" \
      -bm sample -tu ns -f 1 -wi 3 -w 1s -i 5 -r 2s -rf csv -rff "$OUT/$round-$bench.csv" > "$OUT/$round-$bench.txt" 2>&1
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F, '
  FNR == 1 { split(FILENAME, p, "/"); split(p[length(p)], q, "-"); round = q[1]; next }
  { gsub(/"/, ""); name = $1; sub(/.*FortunesBenchmark\./, "", name); split(name, part, ":"); bench = part[1]
    metric = (2 in part) ? part[2] : "mean"; value[round, bench, metric] = $5; rounds[round] = 1 }
  END {
    printf "| round | benchmark | min ns | p50 ns | mean ns |\n|---|---|---:|---:|---:|\n"
    n = split("carafeString pebbleString carafeRender pebbleBytes", names, " ")
    for (r = 1; r in rounds; r++) for (i = 1; i <= n; i++)
      printf "| %d | %s | %.0f | %.0f | %.0f |\n", r, names[i], value[r, names[i], "p0.00"], value[r, names[i], "p0.50"], value[r, names[i], "mean"]
    printf "\n| round | Carafe / Pebble | min | p50 | mean |\n|---|---|---:|---:|---:|\n"
    for (r = 1; r in rounds; r++) for (k = 1; k <= 3; k += 2) {
      c = names[k]; b = names[k + 1]
      printf "| %d | %s / %s | %.2f | %.2f | %.2f |\n", r, c, b, value[r, c, "p0.00"] / value[r, b, "p0.00"],
        value[r, c, "p0.50"] / value[r, b, "p0.50"], value[r, c, "mean"] / value[r, b, "mean"]
    }
  }' $(ls "$OUT"/*.csv | sort -t/ -k1)
