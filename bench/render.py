"""Uncached render time per page type, in process, at seed size: median and p99 in milliseconds.

    .venv/bin/python bench/render.py [--database sqlite|postgresql] [--runs 200]

Each request goes through the whole middleware stack with the page cache emptied first, so it
measures what a visitor waits for after an edit or a cold start. Each page type's median is compared
with the target of 5 ms. The CPU column is the processor time of the process itself (without the
database server's): on a shared machine it varies less than the time on the clock. A bare Django
view (bench/bare.py) is timed the same way for comparison, and each median is also given as a
multiple of the bare view's ("× bare"). The site search has its own benchmark (bench/search.py).
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PYTHON, fresh_database, manage, production_env  # noqa: E402

PAGES = {
    "overview": "/en/",
    "overview (Danish)": "/da/",
    "centres list": "/en/centres/",
    "centre": "/en/centres/munich/",
    "agreements list": "/en/agreements/",
    "agreement": "/en/agreements/germany/",
    "country search": "/en/agreements/?q=Tyskland",
    "country": "/en/countries/de/",
    "countries list": "/en/countries/",
    "contacts": "/en/contacts/",
    "programmes": "/en/programmes/",
    "accessibility": "/en/accessibility/",
    "agreements API": "/api/v1/agreements/",
    "sitemap": "/sitemap.xml",
}

TARGET_MS = 5

SCRIPT = """
import statistics, sys, time
from django.core.cache import cache
from django.test import Client
client = Client()
for name, path in PAGES.items():
    times, cpu = [], []
    for _ in range(3):
        cache.clear()
        client.get(path)
    for _ in range(runs):
        cache.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    median = statistics.median(times)
    verdict = "target met" if median <= target else "target not met"
    ratio = median / bare
    print(f"{name:20} {median:6.2f} {times[int(len(times) * 0.99) - 1]:6.2f} {statistics.median(cpu):6.2f} {ratio:6.0f}  {verdict}")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        fresh_database(args.database, f"ufm_render_{os.getpid()}", Path(tmp)) as url,
    ):
        env = production_env(Path(tmp)) | {"DATABASE_URL": url, "ALLOWED_HOSTS": "testserver"}
        manage(env, "migrate", "--noinput")
        manage(env, "seed_portal")
        manage(env, "collectstatic", "--noinput")
        # The bare view first: each page's median is also given as a multiple of it ("× bare"), which
        # varies less from machine to machine than the milliseconds.
        bare = subprocess.run(
            [PYTHON, "-c", BARE], cwd=ROOT, env=env | {"BARE_PAGE_BYTES": "9000"},
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        bare_median = float(bare.split()[-2])
        print(
            f"Uncached renders at seed size on {args.database}, {args.runs} runs each "
            f"(ms; target: median at most {TARGET_MS} ms)"
        )
        print(f"{'page':20} {'median':>6} {'p99':>6} {'CPU':>6} {'× bare':>6}")
        script = f"PAGES = {PAGES!r}\nruns = {args.runs}\ntarget = {TARGET_MS}\nbare = {bare_median}\n" + SCRIPT
        sys.stdout.flush()
        subprocess.run([PYTHON, "manage.py", "shell", "-v", "0", "-c", script], cwd=ROOT, env=env, check=True)
        print(bare, end="")


BARE = """
import statistics, sys, time

import bench.bare
from django.test import Client
client = Client()
times = []
for _ in range(200):
    started = time.perf_counter()
    assert client.get("/", HTTP_HOST="127.0.0.1").status_code == 200
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(f"{'bare Django view':20} {statistics.median(times):6.2f} {times[int(len(times) * 0.99) - 1]:6.2f}")
"""

if __name__ == "__main__":
    main()
