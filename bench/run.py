#!/usr/bin/env python3
"""Benchmark runner: measures schemasnap against pg_dump, the bare catalog queries and migra.

Called by scripts/bench, which starts the throwaway PostgreSQL and builds schemasnap. For each
N it loads a base and a drifted database from generate_catalog.py, then measures wall time and
peak RSS (of the measured process, from wait4) of each command, best of --repeat runs, prints a
table and, unless --smoke, writes docs/benchmarks.md.
"""
import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_measured(argv, stdout=subprocess.DEVNULL, env=None, ok=(0,)):
    """Runs argv, returns (seconds, peak RSS in MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if code not in ok:
        sys.exit(f"error: {' '.join(argv)} exited {code}: {err.strip()[:500]}")
    return elapsed, usage.ru_maxrss / 1024.0


def best(n, argv, **kw):
    runs = [run_measured(argv, **kw) for _ in range(n)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def psql(conninfo, *args, stdin=None):
    done = subprocess.run(["psql", conninfo, "-q", "-X", "-v", "ON_ERROR_STOP=1", *args],
                          input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"error: psql {' '.join(args)} failed: {done.stderr.decode(errors='replace').strip()[:500]}")


def generated(n, args, *flags):
    return subprocess.run([sys.executable, os.path.join(HERE, "generate_catalog.py"), str(n), "--seed", str(args.seed),
                           "--per-schema", str(args.per_schema), *flags], check=True, capture_output=True).stdout


def load(base, db, n, args):
    """Loads the base catalog of n tables into a new database db, in transactions of --chunk
    tables; returns its conninfo and the seconds the load took."""
    psql(f"{base} dbname=postgres", "-c", f"DROP DATABASE IF EXISTS {db}")
    psql(f"{base} dbname=postgres", "-c", f"CREATE DATABASE {db}")
    conn = f"{base} dbname={db}"
    psql(conn, "-f", os.path.join(ROOT, "supabase", "platform.sql"))
    sql = generated(n, args, "--chunk", str(args.chunk))
    start = time.perf_counter()
    psql(conn, "-f", "-", stdin=sql)
    psql(conn, "-c", "VACUUM ANALYZE")
    return conn, time.perf_counter() - start


def load_drifted(base, db, template, n, args):
    """A copy of the base database (CREATE DATABASE … TEMPLATE) with about 1 % of its tables
    changed; returns its conninfo."""
    psql(f"{base} dbname=postgres", "-c", f"DROP DATABASE IF EXISTS {db}")
    psql(f"{base} dbname=postgres", "-c", f"CREATE DATABASE {db} TEMPLATE {template}")
    conn = f"{base} dbname={db}"
    psql(conn, "-1", "-f", "-", stdin=generated(n, args, "--drift-only"))
    return conn


def url(base, db):
    parts = dict(p.split("=", 1) for p in base.split())
    return f"postgresql://{parts['user']}:{parts['password']}@/{db}?host={parts['host']}&port={parts['port']}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schemasnap", required=True)
    ap.add_argument("--conninfo", required=True, help="keyword conninfo of the server, without dbname")
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--per-schema", type=int, default=100, help="tables per tenant schema (0: two schemas)")
    ap.add_argument("--chunk", type=int, default=2000, help="tables loaded per transaction")
    ap.add_argument("--migra-max", type=int, default=30000, help="largest N migra is run at")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--migra", default="", help="path of a migra executable, if installed")
    ap.add_argument("--write", default="", help="write the Markdown report here")
    ap.add_argument("--command", default="scripts/bench")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="schemasnap-bench-")
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        print(f"N = {n}: loading base and drifted databases…", file=sys.stderr)
        base_conn, load_s = load(args.conninfo, f"bench_{n}", n, args)
        drift_conn = load_drifted(args.conninfo, f"bench_{n}_drift", f"bench_{n}", n, args)
        env = dict(os.environ, BENCH_BASE=base_conn, BENCH_DRIFT=drift_conn, NO_COLOR="1")
        snap_a = os.path.join(work, f"base-{n}.sqlite")
        snap_b = os.path.join(work, f"drift-{n}.sqlite")
        tool = args.schemasnap
        r = {"n": n, "load": load_s}
        print(f"N = {n}: measuring…", file=sys.stderr)
        r["capture"] = best(args.repeat, [tool, "capture", "--url-env", "BENCH_BASE", "--name", "bench", "--out", snap_a, "--always"], env=env)
        run_measured([tool, "capture", "--url-env", "BENCH_DRIFT", "--name", "drift", "--out", snap_b, "--always"], env=env)
        script = os.path.join(work, "queries.sql")
        with open(script, "w") as f:
            subprocess.run([tool, "capture", "--print-queries"], check=True, stdout=f)
        r["floor"] = best(args.repeat, ["psql", base_conn, "-X", "-q", "-o", "/dev/null", "-f", script])
        dump = os.path.join(work, f"dump-{n}.sql")
        r["pg_dump"] = best(args.repeat, ["pg_dump", "--schema-only", "-f", dump, base_conn])
        r["diff"] = best(args.repeat, [tool, "diff", snap_a, snap_b, "--format", "json"], env=env, ok=(0, 1))
        r["diff_text"] = best(args.repeat, [tool, "diff", snap_a, snap_b], env=env, ok=(0, 1))
        r["diff_sql"] = best(args.repeat, [tool, "diff", snap_a, snap_b, "--sql"], env=env)
        sql = subprocess.run([tool, "diff", snap_a, snap_b, "--sql", "--unsafe"], capture_output=True, env=env).stdout
        r["sql_statements"] = sum(1 for line in sql.decode().splitlines() if line and not line.startswith("--") and line.rstrip().endswith(";")) - 1
        r["show"] = best(args.repeat, [tool, "show", snap_a], env=env)
        r["snapshot_bytes"] = os.path.getsize(snap_a)
        r["dump_bytes"] = os.path.getsize(dump)
        findings = subprocess.run([tool, "diff", snap_a, snap_b, "--format", "json"], capture_output=True, env=env).stdout
        r["findings"] = findings.count(b'"severity"')
        if args.migra and n <= args.migra_max:
            r["migra"] = run_measured([args.migra, "--unsafe", url(args.conninfo, f"bench_{n}"),
                                       url(args.conninfo, f"bench_{n}_drift")], ok=(0, 2, 3))
        # The generated SQL closes the drift: apply it to the drifted database (one
        # transaction), capture again, and count what is left (applied-migration history aside).
        script = os.path.join(work, f"close-{n}.sql")
        with open(script, "wb") as f:
            f.write(sql)
        psql(drift_conn, "-1", "-f", script)
        snap_c = os.path.join(work, f"closed-{n}.sqlite")
        run_measured([tool, "capture", "--url-env", "BENCH_DRIFT", "--name", "closed", "--out", snap_c, "--always"], env=env)
        left = subprocess.run([tool, "diff", snap_a, snap_c, "--format", "json"], capture_output=True, env=env).stdout
        r["left_after_sql"] = left.count(b'"severity"') - left.count(b'"object_kind" : "applied migration"')
        r["left_positions"] = left.count(b'"attribute" : "position"')
        rows.append(r)
        print(f"N = {n}: done", file=sys.stderr)
    report = render(rows, args)
    print(report)
    if args.write:
        with open(args.write, "w") as f:
            f.write(report)
    shutil.rmtree(work, ignore_errors=True)


def mib(b):
    return f"{b / 1048576:.1f} MiB"


def render(rows, args):
    out = []
    out.append("| N tables | capture | floor (queries via psql) | capture ÷ floor | pg_dump --schema-only | capture ÷ pg_dump "
               "| diff (json) | diff peak RSS | diff (text) | diff --sql | show | migra (live) | migra ÷ diff | snapshot | pg_dump text |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        migra = r.get("migra")
        migra_time = f"{migra[0]:.1f} s" if migra else ("not run" if not args.migra or r["n"] <= args.migra_max
                                                         else f"not run (over {args.migra_max:,})")
        migra_ratio = f"{migra[0] / r['diff'][0]:.0f}×" if migra else "—"
        out.append(
            f"| {r['n']:,} | {r['capture'][0]:.2f} s ({r['capture'][1]:.0f} MiB) | {r['floor'][0]:.2f} s "
            f"| {r['capture'][0] / r['floor'][0]:.2f}× | {r['pg_dump'][0]:.2f} s | {r['capture'][0] / r['pg_dump'][0]:.2f}× "
            f"| {r['diff'][0]:.2f} s | {r['diff'][1]:.0f} MiB | {r['diff_text'][0]:.2f} s | {r['diff_sql'][0]:.2f} s | {r['show'][0]:.2f} s "
            f"| {migra_time} | {migra_ratio} "
            f"| {mib(r['snapshot_bytes'])} | {mib(r['dump_bytes'])} |")
    out.append("")
    out.append("Capture peak RSS ÷ snapshot size: " + ", ".join(
        f"{r['capture'][1] * 1048576 / r['snapshot_bytes']:.1f}× at {r['n']:,} tables" for r in rows)
        + ". Loading the base catalog took " + ", ".join(f"{r['load']:.0f} s at {r['n']:,}" for r in rows) + ".")
    for a, b in zip(rows, rows[1:]):
        out.append("")
        out.append(f"Growth {a['n']:,} → {b['n']:,} tables ({b['n'] / a['n']:.1f}× the objects): capture "
                   f"{b['capture'][0] / a['capture'][0]:.1f}×, diff {b['diff'][0] / a['diff'][0]:.1f}×, "
                   f"diff peak RSS {b['diff'][1] / a['diff'][1]:.1f}×, "
                   f"floor {b['floor'][0] / a['floor'][0]:.1f}×, pg_dump {b['pg_dump'][0] / a['pg_dump'][0]:.1f}×.")
    out.append("")
    out.append("Findings in the drifted diff: " + ", ".join(f"{r['n']:,} tables → {r['findings']}" for r in rows) + ".")
    out.append("")
    out.append("`diff --sql` (the migration closing the drift, base ← drifted) writes "
               + ", ".join(f"{r['sql_statements']} statements at {r['n']:,} tables" for r in rows)
               + "; `diff --sql` includes reading both snapshots. Applied to the drifted database in one "
               + "transaction and captured again, findings left: "
               + ", ".join(f"{r['left_after_sql']} at {r['n']:,} tables ({r['left_positions']} of them column positions: "
                           "PostgreSQL appends added columns, as the script's header says)" for r in rows) + ".")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
