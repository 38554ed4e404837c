"""Reads the results of one bench/run.sh and turns them into Markdown tables (used by report.py)."""
import glob
import json
import os
import re
import statistics

LABELS = {
    "strata": "Strata (JIT)", "strata_aot": "Strata (Native AOT)",
    "strata_aot_cold": "Strata (Native AOT), no checksum cache", "strata-retries": "Strata --lock-retries 10",
    "strata-short": "Strata --lock-timeout 1s --lock-retries 10", "dbmate": "dbmate", "alembic": "Alembic",
    "npm": "node-pg-migrate", "sqitch": "sqitch", "psql1": "psql -1 -f all.sql",
    "psqltx": "psql, BEGIN/COMMIT per migration", "psqlflush": "psql, BEGIN/COMMIT per migration, one flush",
    "psql": "psql -f", "select1": "psql -c 'select 1'",
    "createdb": "CREATE DATABASE alone", "none": "no migration (control)",
}
PEERS = ["dbmate", "alembic", "npm", "sqitch"]
STRATAS = ["strata", "strata_aot"]
# Strata's default lock_timeout (src/Strata.Core/Configuration/SettingCatalog.cs): what the outage target is held to.
LOCK_TIMEOUT_S = 0.3


def load(results):
    data = {"series": {}, "rss": {}, "outage": {}}
    # One file per round (apply-1000.r3.json, apply-1000.slow.r1.json): gather each tool's runs across rounds.
    for path in sorted(glob.glob(f"{results}/*-*.r*.json")):
        action, n = re.match(r".*/(\w+)-(\d+)(?:\.\w+)?\.r\d+\.json$", path).groups()
        for r in json.load(open(path))["results"]:
            runs = data["series"].setdefault((action, int(n), r["command"]), {"times": [], "users": [], "systems": []})
            runs["times"] += r["times"]
            runs["users"].append(r["user"])
            runs["systems"].append(r["system"])
    for runs in data["series"].values():
        runs["user"] = statistics.mean(runs["users"])
        runs["system"] = statistics.mean(runs["systems"])
    if os.path.exists(f"{results}/rss.tsv"):
        for line in open(f"{results}/rss.tsv"):
            n, tool, action, kib = line.split()
            data["rss"][(action, int(n), tool)] = int(kib)
    for path in glob.glob(f"{results}/outage/*.json"):
        o = json.load(open(path))
        data["outage"][o["tool"]] = o
    data["machine"] = json.load(open(f"{results}/machine.json"))
    data["versions"] = [line.rstrip("\n").split("\t", 1) for line in open(f"{results}/versions.tsv")]
    data["sizes"] = sorted({n for (_, n, _) in data["series"]})
    return data


def ms(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def median(r):
    return statistics.median(r["times"])


def spread(r):
    return f"{ms(min(r['times']))} – {ms(max(r['times']))}"


def cpu(r):
    return ms(r["user"] + r["system"])


def rss(data, action, n, tool):
    kib = data["rss"].get((action, n, tool))
    return f"{kib / 1024:,.0f} MiB" if kib else "–"


def apply_table(data, n):
    s = data["series"]
    limit = median(s[("apply", n, "psqltx")])
    rows = ["| Tool | Median | Min – max | Per migration | × psql per-migration | Client CPU | Peak memory |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for tool in ["createdb", "psql1", "psqltx", "psqlflush"] + STRATAS + PEERS:
        r = s.get(("apply", n, tool))
        if not r:
            continue
        per = "" if tool == "createdb" else f"{median(r) / n * 1000:.2f} ms"
        ratio = "" if tool == "createdb" else f"{median(r) / limit:.2f}×"
        rows.append(f"| {LABELS[tool]} | {ms(median(r))} | {spread(r)} | {per} | {ratio} | {cpu(r)} "
                    f"| {rss(data, 'apply', n, tool)} |")
    return rows


def fast_table(data, action, n, tools):
    s = data["series"]
    rows = ["| Tool | Median | Min – max | Client CPU | Peak memory |", "| --- | ---: | ---: | ---: | ---: |"]
    for tool in tools:
        r = s.get((action, n, tool))
        if r:
            mem = rss(data, action, n, tool)
            rows.append(f"| {LABELS[tool]} | {ms(median(r))} | {spread(r)} | {cpu(r)} | {mem} |")
    return rows


def startup_rows(data, n, tools):
    s = data["series"]
    rows = ["| Tool | No-op | No-op CPU | No-op memory | Status | Status CPU | Status memory |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for tool in tools:
        cells = []
        for action in ("noop", "status"):
            r = s.get((action, n, tool))
            cells += [ms(median(r)), cpu(r), rss(data, action, n, tool)] if r else ["–", "–", "–"]
        if cells != ["–"] * 6:
            rows.append(f"| {LABELS[tool]} | " + " | ".join(cells) + " |")
    return rows


def outage_table(data):
    rows = ["| Migration run by | Exit code | Column added | Migration took | Worst latency | Transactions > 1 s "
            "| Longest stall | Transactions |",
            "| --- | ---: | :---: | ---: | ---: | ---: | ---: | ---: |"]
    for tool in ["none", "psql", "dbmate", "alembic", "strata", "strata-retries", "strata-short"]:
        o = data["outage"].get(tool)
        if not o:
            continue
        took = "–" if tool == "none" else f"{o['migration_s']:.1f} s"
        rows.append(f"| {LABELS[tool]} | {'–' if tool == 'none' else int(o['exit_code'])} "
                    f"| {'–' if tool == 'none' else ('yes' if o['column_added'] else 'no')} | {took} "
                    f"| {o['worst_ms'] / 1000:.2f} s | {o['over_1s']} | {o['longest_gap_s']:.2f} s "
                    f"| {o['transactions']:,}{' (' + str(o['failed_transactions']) + ' failed)' if o['failed_transactions'] else ''} |")
    return rows


def verdict(ok):
    return "**met**" if ok else "**not met**"


def target_tools(data):
    """The Strata builds the targets are held to: the Native AOT binary, the strata that ships, when the run measured
    it; otherwise (a quick run) the JIT build."""
    measured = {key[2] for key in data["series"]}
    return ["strata_aot"] if "strata_aot" in measured else [t for t in STRATAS if t in measured]


def targets(data):
    s, n = data["series"], max(data["sizes"])
    rows = ["| Target | Measured | |", "| --- | --- | --- |"]
    for tool in target_tools(data):
        rows += strata_targets(data, tool, n)
    # Every run with the default lock timeout and backoff counts: the first attempts of "strata-retries" are the
    # same as the defaults', so either row shows what the defaults do.
    runs = [t for t in ("strata", "strata-retries") if t in data["outage"]]
    if runs:
        cap = LOCK_TIMEOUT_S * 1.1
        worst_s = max(data["outage"][t]["worst_ms"] for t in runs) / 1000
        each = ", ".join(f"{LABELS[t]} {data['outage'][t]['worst_ms'] / 1000:.2f} s" for t in runs)
        rows.append(f"| Outage: no application transaction waits longer than the lock timeout + 10% ({cap:.2f} s) "
                    f"| worst with the default {LOCK_TIMEOUT_S * 1000:.0f} ms lock timeout and backoff: {each} | {verdict(worst_s <= cap)} |")
    return rows


def strata_targets(data, tool, n):
    s, name, rows = data["series"], LABELS[tool], []
    if ("apply", n, tool) in s:
        strata, limit = median(s[("apply", n, tool)]), median(s[("apply", n, "psqltx")])
        # The tools take turns in each round, so the i-th run of one and of the other ran side by side: their ratio,
        # round by round, shows how much of the verdict the machine's noise could move.
        rounds = [own / floor for own, floor in zip(s[("apply", n, tool)]["times"], s[("apply", n, "psqltx")]["times"])]
        under = sum(ratio <= 1 for ratio in rounds)
        rows.append(f"| {name}: apply {n:,} from empty within 1.00× of psql with per-migration transactions "
                    f"| {strata / n * 1000:.2f} ms vs {limit / n * 1000:.2f} ms per migration: {strata / limit:.2f}× "
                    f"(round by round {', '.join(f'{ratio:.2f}×' for ratio in rounds)}: {under} of {len(rounds)} "
                    f"at or under 1.00×) | {verdict(strata <= limit)} |")
        for size in data["sizes"]:
            peers = {t: median(s[("apply", size, t)]) for t in PEERS if ("apply", size, t) in s}
            if ("apply", size, tool) in s and peers:
                fastest = min(peers, key=peers.get)
                own = median(s[("apply", size, tool)])
                rows.append(f"| {name}: apply {size:,} faster than every peer | {ms(own)}; fastest peer {LABELS[fastest]} "
                            f"{ms(peers[fastest])} | {verdict(own < peers[fastest])} |")
    for action, what in (("noop", "`up` with nothing pending"), ("status", "`status`")):
        if (action, n, tool) in s and (action, n, "dbmate") in s:
            own, dbmate = s[(action, n, tool)], s[(action, n, "dbmate")]
            own_cpu, dbmate_cpu = own["user"] + own["system"], dbmate["user"] + dbmate["system"]
            rows.append(f"| {name}: {what} on {n:,} no slower than dbmate, client CPU no more | {ms(median(own))} "
                        f"(CPU {ms(own_cpu)}), dbmate {ms(median(dbmate))} (CPU {ms(dbmate_cpu)}): "
                        f"{median(own) / median(dbmate):.2f}× | {verdict(median(own) <= median(dbmate) and own_cpu <= dbmate_cpu)} |")
    kib = data["rss"].get(("apply", n, tool))
    if kib and tool == "strata_aot":
        rows.append(f"| {name}: peak memory applying {n:,} at most 40 MiB | {kib / 1024:,.0f} MiB | {verdict(kib <= 40 * 1024)} |")
    return rows
