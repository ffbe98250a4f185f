"""Private PostgreSQL and Redis servers that a test owns: it may stop, start and stall them at will.

The shared servers on 5432 and 6379 are never touched. PostgreSQL refuses to run as root, so when the
tests run as root the private cluster belongs to the ``postgres`` system user.
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.run import free_port, wait_for_port


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def keys(self):
        output = subprocess.run(
            ["redis-cli", "-p", str(self.port), "DBSIZE"], capture_output=True, text=True, check=True
        ).stdout
        return int(output.strip())


def _postgres_bin(name):
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is needed for the fault tests (apt-get install postgresql)")
    return found


class PrivatePostgres:
    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="ufm-pg-"))
        self.data = self.directory / "data"
        self.as_root = os.geteuid() == 0

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def _run(self, *command, check=True):
        if self.as_root:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def init(self):
        if self.as_root:
            user = pwd.getpwnam("postgres")
            os.chown(self.directory, user.pw_uid, user.pw_gid)
        self._run(_postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-q", "-c", "CREATE DATABASE portal"
        )

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            _postgres_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.directory / "log"),
            "start",
        )

    def stop(self):
        self._run(_postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def psql(self, sql):
        return self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-At", "-c", sql, "portal"
        ).stdout.strip()

    def remove(self):
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
