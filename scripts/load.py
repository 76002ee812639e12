#!/usr/bin/env python
"""Load test: a steady request rate on a mix of partner endpoints, errors and memory over time.

    .venv/bin/python scripts/load.py --url http://127.0.0.1:8000 --pid GUNICORN_MASTER_PID
    .venv/bin/python scripts/load.py --serve --duration 60     # starts its own gunicorn

``--serve`` makes a database of its own (a new PostgreSQL database beside DATABASE_URL, else a
SQLite file), migrates it, loads a small demo (DEMO_LANGUAGES, default ar) and starts gunicorn
with production settings (deploy/gunicorn.conf.py). Defaults: 600 s at 50 requests/s (issue
11.6). Memory is the summed RSS of gunicorn's master and workers, sampled every 5 s; the run
fails on any error (5xx, connection failure, unexpected 4xx) or when the RSS of the last third
exceeds the first third's by more than --max-growth (default 15 %). 429s are reported apart.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = [
    "/api/partner/v1/locales/",
    "/api/partner/v1/pages/?locale=en",
    "/api/partner/v1/pages/?locale=ar&fallback=en",
    "/api/partner/v1/videos/?locale=en",
    "/api/partner/v1/materials/?locale=en",
    "/api/partner/v1/materials/?locale=ar&country=GR",
    "/api/partner/v1/countries/?locale=en",
    "/api/partner/v1/services/?locale=en",
    "/api/partner/v1/changes/",
]


def rss_kib(pid: int) -> int:
    """RSS of ``pid`` and its children (gunicorn's workers), in KiB."""
    total = 0
    for each in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.ok = self.throttled = 0
        self.errors: dict[str, int] = {}
        self.latencies: list[float] = []

    def add(self, outcome: str, seconds: float):
        with self.lock:
            self.latencies.append(seconds)
            if outcome == "ok":
                self.ok += 1
            elif outcome == "429":
                self.throttled += 1
            else:
                self.errors[outcome] = self.errors.get(outcome, 0) + 1


def hit(url: str, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            answer.read()
            outcome = "ok"
    except urllib.error.HTTPError as error:
        error.read()
        outcome = str(error.code)
    except OSError as error:
        outcome = type(error).__name__
    tally.add(outcome, time.perf_counter() - started)


def drive(base: str, rate: float, duration: float, pid: int | None) -> tuple[Tally, list]:
    tally, samples = Tally(), []
    interval, started = 1 / rate, time.monotonic()
    with ThreadPoolExecutor(max_workers=64) as pool:
        sent, next_sample = 0, started
        while (now := time.monotonic()) - started < duration:
            if pid and now >= next_sample:
                samples.append((round(now - started), rss_kib(pid)))
                next_sample += 5
            due = int((now - started) / interval) + 1
            for _ in range(due - sent):
                pool.submit(hit, base + PATHS[sent % len(PATHS)], tally)
                sent += 1
            time.sleep(interval / 2)
    if pid:
        samples.append((round(time.monotonic() - started), rss_kib(pid)))
    return tally, samples


def serve(port: int):
    """A database, demo content and gunicorn of our own; returns (process, cleanup)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "HTTPS": "false"}
    env.update(SECRET_KEY=uuid.uuid4().hex * 2, ALLOWED_HOSTS="127.0.0.1,localhost")
    env.setdefault("WEB_CONCURRENCY", "2")
    folder = Path(tempfile.mkdtemp(prefix="protect-load-"))
    env.update(STATIC_ROOT=str(folder / "static"), MEDIA_ROOT=str(folder / "media"))
    drop = None
    if env.get("DATABASE_URL", "").startswith("postgres"):
        name = f"load_{uuid.uuid4().hex[:8]}"
        server = env["DATABASE_URL"].rsplit("/", 1)[0]
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        env["DATABASE_URL"] = f"{server}/{name}"
        drop = ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name]
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'load.sqlite3'}"
    manage = [sys.executable, "manage.py"]
    for step in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo_content", "--languages", os.environ.get("DEMO_LANGUAGES", "ar")],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        print("==", " ".join(step), flush=True)
        subprocess.run([*manage, *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    argv = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
    argv += ["--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "cms.wsgi"]
    process = subprocess.Popen(argv, cwd=ROOT, env=env)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/partner/v1/locales/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)

    def cleanup():
        process.terminate()
        process.wait(30)
        if drop:
            subprocess.run(drop, check=False)

    return process, cleanup


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--pid", type=int, help="gunicorn master PID, for the RSS samples")
    parser.add_argument("--serve", action="store_true", help="start a gunicorn of our own")
    parser.add_argument("--port", type=int, default=0, help="with --serve (default: a free one)")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--duration", type=float, default=600.0, help="seconds")
    parser.add_argument("--max-growth", type=float, default=0.15, help="allowed RSS growth")
    args = parser.parse_args()

    cleanup = None
    if args.serve:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", args.port))
            port = sock.getsockname()[1]
        process, cleanup = serve(port)
        args.url, args.pid = f"http://127.0.0.1:{port}", process.pid
    try:
        print(f"== {args.rate:g} req/s for {args.duration:g} s against {args.url}", flush=True)
        tally, samples = drive(args.url.rstrip("/"), args.rate, args.duration, args.pid)
    finally:
        if cleanup:
            cleanup()

    total = tally.ok + tally.throttled + sum(tally.errors.values())
    latencies = sorted(tally.latencies) or [0]
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    print(
        f"requests {total}  ok {tally.ok}  throttled(429) {tally.throttled}  errors {tally.errors}"
    )
    print(
        f"achieved {total / args.duration:.1f} req/s  p50 {latencies[len(latencies) // 2] * 1000:.1f} ms  p95 {p95:.1f} ms"
    )
    failed = bool(tally.errors) or total < args.rate * args.duration * 0.9
    if samples:
        print("RSS (KiB) over time: " + "  ".join(f"{t}s:{kib}" for t, kib in samples))
        samples = samples[1:] or samples  # the first sample is taken while workers warm up
        third = max(len(samples) // 3, 1)
        first = sum(kib for _, kib in samples[:third]) / third
        last = sum(kib for _, kib in samples[-third:]) / third
        growth = (last - first) / first if first else 0
        print(
            f"RSS first third {first / 1024:.1f} MiB, last third {last / 1024:.1f} MiB, growth {growth:+.1%}"
        )
        failed = failed or growth > args.max_growth
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
