"""The benchmark's databases (one per dataset scale) and the gunicorn server under test."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = {1.0: "", 0.1: "_10pct", 0.01: "_1pct"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_env(scale: float) -> dict:
    """Environment naming the database of this scale: ``<DATABASE_URL's name><suffix>`` on
    PostgreSQL (created when missing), else ``var/bench<suffix>.sqlite3``."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}
    url = os.environ.get("DATABASE_URL")
    if url:
        base, _, name = url.rpartition("/")
        name = name + SUFFIX[scale]
        host = base.split("@")[-1].split(":")[0] or "127.0.0.1"
        subprocess.run(["createdb", "-h", host, "-U", "postgres", name], capture_output=True)
        env["DATABASE_URL"] = f"{base}/{name}"
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        env["BENCH_SQLITE"] = str(ROOT / "var" / f"bench{SUFFIX[scale]}.sqlite3")
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(scale: float) -> dict:
    env = database_env(scale)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "build_bench_data", "--scale", str(scale))
    return env


class Server:
    """``gunicorn`` with 2 workers on a free port, as production would serve the project."""

    def __init__(self, env: dict, workers: int = 2):
        self.env, self.workers = env, workers
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "cms.wsgi:application", "--workers", str(self.workers)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)
        for _ in range(120):
            try:
                urllib.request.urlopen(self.base + "/bench/bare/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker process (MB), read from /proc."""
        found = subprocess.run(
            ["ps", "-o", "rss=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(kb) / 1024 for kb in found.stdout.split()]

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
