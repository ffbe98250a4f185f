"""Editing under load and cold starts: the page cache's behaviour when content changes or the server is new.

    .venv/bin/python bench/edits.py                    # PostgreSQL, 10,000 agreements, production gunicorn

Two measurements, each printed with wrk's req/s, p50 and p99:

1. Edit under load: 16 connections cycling through public pages and the API (bench/pages.lua) for
   --duration seconds, once without edits (the reference) and once with an editor's save every second
   (an agreement's summary, through the ORM, as the admin saves it). Reports the throughput ratio.
2. Cold start: the server is restarted and 50 connections start the moment its port accepts, with the
   production configuration (ufm_intl/gunicorn_conf.py: 2 x cores + 1 workers, warm-up on).

Loopback only; everything stops by itself.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.run import (  # noqa: E402
    PYTHON,
    ROOT,
    free_port,
    fresh_database,
    manage,
    production_env,
    wait_for,
    wait_for_port,
    wrk,
)

PAGES = Path(__file__).with_name("pages.lua")

EDITOR = """
import time
from agreements.models import BilateralAgreement
agreement = BilateralAgreement.objects.get(slug="germany")
n = 0
while True:
    n += 1
    agreement.summary_en = f"Education and research cooperation between Denmark and Germany (edit {n})."
    agreement.save()
    if n == 1:
        print("saving", flush=True)  # started: the load can begin
    time.sleep(1)
"""


def start_server(env):
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "python:ufm_intl.gunicorn_conf", "ufm_intl.wsgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return server


def show(name, result):
    errors = f", errors {result['errors']}" if result["errors"] else ""
    socket_errors = f", socket errors {result['socket_errors']}" if result["socket_errors"] else ""
    print(
        f"{name:34} {result['rps']:8.0f} req/s   p50 {result['p50']:6.1f} ms   p99 {result['p99']:7.1f} ms{errors}{socket_errors}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgresql", choices=["sqlite", "postgresql"])
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument(
        "--cache",
        default="redis://127.0.0.1:6379/15",
        help="CACHE_URL, as in production (emptied first); 'local' for each worker's own memory",
    )
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory() as tmp,
        fresh_database(args.database, f"ufm_edits_{os.getpid()}", Path(tmp)) as url,
    ):
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        env = production_env(Path(tmp)) | {
            "DATABASE_URL": url,
            "BIND": f"127.0.0.1:{port}",
            "PAGE_CACHE_WARM_ORIGIN": origin,
        }
        if args.cache != "local":
            # Shared by the workers, as in production; without it each worker keeps its own copies.
            env["CACHE_URL"] = args.cache
            subprocess.run(["redis-cli", "-u", args.cache, "FLUSHDB"], check=True, capture_output=True)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_portal")
        if args.agreements:
            subprocess.run(
                [PYTHON, "bench/generate_content.py", "--agreements", str(args.agreements)],
                cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        manage(env, "collectstatic", "--noinput")
        print(
            f"{args.database}, seed + {args.agreements} agreements, production gunicorn ({os.cpu_count()} cores), "
            f"cache {args.cache}"
        )

        server = start_server(env)
        try:
            wait_for(origin + "/en/")
            wrk(origin + "/", 3, 16, PAGES)  # settle
            reference = wrk(origin + "/", args.duration, 16, PAGES)
            editor = subprocess.Popen(
                [PYTHON, "manage.py", "shell", "-v", "0", "-c", EDITOR],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            try:
                editor.stdout.readline()  # the editor's start-up (Django's import) is not part of the load
                edited = wrk(origin + "/", args.duration, 16, PAGES)
            finally:
                editor.terminate()
                editor.wait()
        finally:
            server.terminate()
            server.wait(timeout=30)
        show("16 connections, no edits", reference)
        show("16 connections, a save every second", edited)
        print(f"throughput with edits / without: {edited['rps'] / reference['rps']:.2f}")

        if args.cache != "local":
            subprocess.run(["redis-cli", "-u", args.cache, "FLUSHDB"], check=True, capture_output=True)
        server = start_server(env)
        try:
            wait_for_port(port)
            cold = wrk(origin + "/", 10, 50, PAGES)
        finally:
            server.terminate()
            server.wait(timeout=30)
        show("50 connections from start, 10 s", cold)


if __name__ == "__main__":
    main()
