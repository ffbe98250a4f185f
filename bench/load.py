"""Bounded load test: gunicorn as in production, 50 connections for 30 seconds, against 127.0.0.1 only.

    .venv/bin/python bench/load.py [--database postgresql] [--connections 50] [--duration 30]

Requests cycle through the public pages and the API (bench/mix.lua), including one 404 page. Prints
wrk's figures and exits non-zero on any error (socket errors, or statuses other than 2xx, 3xx and the
expected 404).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.run import PYTHON, ROOT, free_port, fresh_database, manage, production_env, wait_for  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30)
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory() as tmp,
        fresh_database(args.database, f"ufm_load_{os.getpid()}", Path(tmp)) as url,
    ):
        port = free_port()
        env = production_env(Path(tmp)) | {"DATABASE_URL": url, "BIND": f"127.0.0.1:{port}"}
        manage(env, "migrate", "--noinput")
        manage(env, "seed_portal")
        manage(env, "collectstatic", "--noinput")
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "python:ufm_intl.gunicorn_conf", "ufm_intl.wsgi:application"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            wait_for(f"http://127.0.0.1:{port}/en/")
            command = [
                "wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "--timeout", "10s",
                "-s", str(Path(__file__).with_name("mix.lua")), f"http://127.0.0.1:{port}",
            ]  # fmt: skip
            print("$ " + " ".join(command))
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            print(output)
        finally:
            server.terminate()
            server.wait(timeout=30)

    # wrk counts the 404 page as a non-2xx/3xx answer; it is one path of fourteen and expected.
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    expected_404 = requests // 14
    socket_errors = re.search(r"Socket errors: (.*)", output)
    unexpected = non_2xx - expected_404
    print(f"requests: {requests}, expected 404 answers: ~{expected_404}, other non-2xx/3xx: {max(unexpected, 0)}")
    if socket_errors or unexpected > 1:
        sys.exit(
            "errors under load: " + (socket_errors.group(1) if socket_errors else f"{unexpected} unexpected statuses")
        )
    print("zero errors")


if __name__ == "__main__":
    main()
