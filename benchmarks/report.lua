-- wrk script: prints one machine-readable line after the run, for benchmarks/wrk.sh.
-- Latencies are in microseconds; requests/s is completed responses over the run's wall time,
-- exactly wrk's own "Requests/sec".
--   wrk -t2 -c64 -d15s --latency -s benchmarks/report.lua http://127.0.0.1:8080/plaintext
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRKRESULT requests=%d duration_us=%d rps=%.0f p50_us=%d p99_us=%d max_us=%d"
      .. " connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
