-- wrk script for the home feed benchmark: every request is GET $FEED_PATH; at the end one line
-- "RESULT {...}" carries the counts and latency percentiles (microseconds) for run.sh to record.
local path = os.getenv("FEED_PATH") or "/api/activities/home?limit=20"

init = function(args)
  wrk.path = path
  wrk.headers["Accept"] = "application/json"
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,' ..
    '"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
