#!/usr/bin/python3
"""Summarise one outage run: pgbench's per-transaction logs plus what the migration did.

Usage: outage_stats.py OUT_JSON LOG_DIR key=value...
Each pgbench log line is: client_id transaction_no latency_us script_no epoch_s epoch_us [schedule_lag_us ...].
With --rate the latency counts from the transaction's scheduled start, so it is the wait a client request saw.
"""
import glob
import json
import sys


def read_transactions(log_dir):
    latencies, completions, failed = [], [], 0
    for path in glob.glob(f"{log_dir}/pgbench_log*"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.split()
                if len(fields) < 6:
                    continue
                if not fields[2].isdigit():
                    failed += 1
                    continue
                latencies.append(int(fields[2]) / 1000.0)
                completions.append(int(fields[4]) + int(fields[5]) / 1e6)
    return latencies, sorted(completions), failed


def longest_gap(completions):
    """The longest time no transaction completed: how long the application stood still."""
    return max((b - a for a, b in zip(completions, completions[1:])), default=0.0)


def main():
    out, log_dir = sys.argv[1], sys.argv[2]
    extra = dict(arg.split("=", 1) for arg in sys.argv[3:])
    latencies, completions, failed = read_transactions(log_dir)
    latencies.sort()
    result = {
        "transactions": len(latencies),
        "failed_transactions": failed,
        "worst_ms": round(latencies[-1], 1) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99)], 1) if latencies else None,
        "over_1s": sum(1 for x in latencies if x > 1000.0),
        "longest_gap_s": round(longest_gap(completions), 2),
    }
    for key, value in extra.items():
        result[key] = float(value) if value.replace(".", "", 1).lstrip("-").isdigit() else value
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
