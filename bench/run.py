"""Benchmark: the portal under gunicorn against a bare Django view served the same way, in the same run.

    .venv/bin/python bench/run.py                       # SQLite and PostgreSQL, seed size and 10,000 agreements
    .venv/bin/python bench/run.py --databases sqlite --sizes 0 --duration 5

For each database and content size it builds a fresh database (migrate, seed_portal, bench/generate_content.py),
starts gunicorn for the portal and for bench/bare.py, loads each URL with wrk (16 connections) and
prints requests per second and p50/p99 latency, with the ratio of throughput to the bare view. It
also times the country search itself (uncached, in process). Loopback only; every run stops by itself.
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
URLS = {
    "overview": "/en/",
    "centres list": "/en/centres/",
    "agreements list": "/en/agreements/",
    "search page": "/en/agreements/?q=Tyskland",
    "search API": "/api/v1/agreements/?q=Tyskland",
    "site feed": "/en/feed/",
    "agreements CSV": "/en/agreements/agreements.csv",
}
SEARCH_QUERIES = ["Tyskland", "germany", "Sydkorea", "Isreal", "Munich", "ger", "Chile", "USA", "South"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=30):
    """Return as soon as something accepts connections on the port (before it may answer HTTP)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"port {port} did not open")


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def wrk(url, duration, connections, script=None):
    """wrk's figures for ``url`` (with a Lua ``script``, e.g. bench/mix.lua, cycling through paths)."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            *(["-s", str(script)] if script else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percentile):
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def gunicorn(app, port, env, workers):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", app, "-b", f"127.0.0.1:{port}", "-w", str(workers), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def search_timings(env):
    """Median milliseconds of the uncached country search (resolve countries + query), per query."""
    script = f"""
import statistics, time
from agreements.models import BilateralAgreement
for q in {SEARCH_QUERIES!r}:
    times = []
    for _ in range(30):
        t = time.perf_counter()
        list(BilateralAgreement.objects.published().for_listing().search(q)[:20])
        times.append((time.perf_counter() - t) * 1000)
    print(q, round(statistics.median(times), 2))
"""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.rsplit(" ", 1) for line in output.strip().splitlines())


def production_env(workdir):
    """The environment of a production-like server on loopback (DEBUG off, plain HTTP)."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return env | {
        "SECRET_KEY": "benchmark-secret-key-" + "x" * 40,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }


def psql(sql):
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql, "postgres"], check=True)


@contextlib.contextmanager
def fresh_database(database, name, workdir):
    """A DATABASE_URL for a new, empty database, dropped afterwards."""
    if database == "sqlite":
        yield f"sqlite:///{workdir / (name + '.sqlite3')}"
        return
    psql(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def scenario(database, agreements, args, workdir):
    env = production_env(workdir)
    with fresh_database(database, f"ufm_bench_{os.getpid()}_{agreements}", workdir) as database_url:
        env["DATABASE_URL"] = database_url
        manage(env, "migrate", "--noinput")
        manage(env, "seed_portal")
        if agreements:
            subprocess.run(
                [PYTHON, "bench/generate_content.py", "--agreements", str(agreements)],
                cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        manage(env, "collectstatic", "--noinput")

        portal_port, bare_port = free_port(), free_port()
        portal = gunicorn("ufm_intl.wsgi:application", portal_port, env, args.workers)
        overview = wait_for(f"http://127.0.0.1:{portal_port}/en/")
        bare = gunicorn(
            "bench.bare:application", bare_port, {**env, "BARE_PAGE_BYTES": str(len(overview))}, args.workers
        )
        wait_for(f"http://127.0.0.1:{bare_port}/")
        try:
            baseline = [
                wrk(f"http://127.0.0.1:{bare_port}/", args.duration, args.connections) for _ in range(args.runs)
            ]
            bare_rps = statistics.median(r["rps"] for r in baseline)
            rows = [("bare Django view", median_of(baseline), 1.0)]
            for name, path in URLS.items():
                wait_for(f"http://127.0.0.1:{portal_port}{path}")
                runs = [
                    wrk(f"http://127.0.0.1:{portal_port}{path}", args.duration, args.connections)
                    for _ in range(args.runs)
                ]
                result = median_of(runs)
                rows.append((name, result, result["rps"] / bare_rps))
        finally:
            for server in (portal, bare):
                server.terminate()
                server.wait(timeout=30)
        return rows, search_timings(env)


def median_of(runs):
    return {
        "rps": statistics.median(r["rps"] for r in runs),
        "p50": statistics.median(r["p50"] for r in runs),
        "p99": statistics.median(r["p99"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--sizes", nargs="+", type=int, default=[0, 10_000], help="synthetic agreements added to the seed"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per URL; the median is reported")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    print(f"gunicorn -w {args.workers}; wrk -t2 -c{args.connections} -d{args.duration}s, median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        for database in args.databases:
            for size in args.sizes:
                label = "seed size" if not size else f"seed + {size:,} agreements"
                rows, searches = scenario(database, size, args, Path(tmp))
                print(f"\n## {database}, {label}")
                print(f"{'page':<18} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8} {'errors':>7}")
                for name, r, ratio in rows:
                    print(
                        f"{name:<18} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {ratio:>8.2f} {r['errors']:>7}"
                    )
                print("uncached country search, median ms: " + ", ".join(f"{q} {ms}" for q, ms in searches.items()))


if __name__ == "__main__":
    main()
