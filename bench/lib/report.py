#!/usr/bin/python3
"""Writes docs/benchmarks.md and its chart from the results of one bench/run.sh.

Usage: report.py RESULTS_DIR OUT_MD OUT_SVG REPO_DIR ELAPSED_SECONDS
Every number in the page comes from RESULTS_DIR; nothing here is typed in by hand.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import chart  # noqa: E402
from page import render  # noqa: E402
from results import LABELS, PEERS, STRATAS, load, median  # noqa: E402


def main():
    results, out_md, out_svg, repo, elapsed = sys.argv[1:6]
    data = load(results)
    data["machine"]["load_at_end"] = load_at_end(results)
    draw_chart(data, out_svg)
    page = render(data, os.path.basename(out_svg), repo, int(elapsed), results)
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(page).rstrip() + "\n")


def load_at_end(results):
    """The load average when the run ended: taken the first time its page is written (at the end of run.sh) and kept
    in RESULTS_DIR, so a page written again later from the same results still gives the run's own figure."""
    path = os.path.join(results, "load-at-end.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return float(f.read().strip())
    value = os.getloadavg()[0]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{value}\n")
    return value


def draw_chart(data, path):
    s = data["series"]
    # The largest size with every series measured (all of them, unless a run was cut short).
    n = max(size for size in data["sizes"] if ("noop", size, "select1") in s and ("apply", size, "psqltx") in s)
    tools = STRATAS + PEERS
    apply_bars = [(LABELS[t], median(s[("apply", n, t)]) / n * 1000, t in STRATAS) for t in tools if ("apply", n, t) in s]
    noop_bars = [(LABELS[t], median(s[("noop", n, t)]) * 1000, t in STRATAS) for t in tools if ("noop", n, t) in s]
    chart.draw(
        path,
        (f"Apply {n:,} migrations to a fresh database: ms per migration (median)", apply_bars,
         [("psql, BEGIN/COMMIT per migration", median(s[("apply", n, "psqltx")]) / n * 1000),
          ("psql -1 -f all.sql", median(s[("apply", n, "psql1")]) / n * 1000)], "ms"),
        (f"up with nothing pending, {n:,} migrations applied: ms per run (median)", noop_bars,
         [("psql -c 'select 1' (process start + connect)", median(s[("noop", n, "select1")]) * 1000)], "ms"),
    )


if __name__ == "__main__":
    main()
