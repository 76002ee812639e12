"""Real processes for tests that need more than one: web servers, workers and scripts that share
one database (``databases.fresh_database``: a SQLite copy, or PostgreSQL when DATABASE_URL is set).

    db = databases.fresh_database(tmp_path)        # migrated once per session, copied per test
    env = django_env(db, REDIS_URL=...)            # environment for every process of the test
    with start_server(env) as a, start_server(env) as b:
        run_script(env, "from wagtail.models import Page; ...")   # a third process writes
        a.get("/api/partner/v1/pages/")

Servers listen on free ports (bound to port 0 first), so parallel runs never collide. Everything
started here is stopped by its context manager, also when the test fails.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")
READY_PATH = "/api/partner/v1/locales/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Set for the test process only: the browser fixture's DJANGO_ALLOW_ASYNC_UNSAFE (Playwright's
# event loop) must not reach a child, where `check --deploy` rightly refuses it.
TEST_PROCESS_ONLY = ("DJANGO_ALLOW_ASYNC_UNSAFE", "PYTEST_XDIST_WORKER")


def child_environ(*without: str) -> dict:
    """This process's environment for a child, minus the test process's own variables."""
    return {k: v for k, v in os.environ.items() if k not in (*TEST_PROCESS_ONLY, *without)}


def django_env(database_url: str, settings: str = "cms.settings.dev", **extra: str) -> dict:
    """Environment for a child process: the shared database, no Redis unless given, no debug
    toolbar noise. ``extra`` adds or overrides variables (REDIS_URL, MEDIA_ROOT, …)."""
    env = child_environ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=database_url,
        SECRET_KEY="protect-process-tests",
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def run_script(env: dict, code: str, timeout: float = 180) -> str:
    """Run Python ``code`` in a new process with Django set up; return its stdout.

    The code runs as ``manage.py shell -c``, so models and ``tests.factories`` import as usual.
    """
    result = subprocess.run(
        [sys.executable, MANAGE, "shell", "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"script failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return result.stdout


def start_script(env: dict, code: str) -> subprocess.Popen:
    """``run_script`` without waiting: pair it with ``finish``."""
    return subprocess.Popen(
        [sys.executable, MANAGE, "shell", "-c", code],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 180) -> str:
    """Wait for a ``start_script`` process; its stdout, or AssertionError with its stderr."""
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise AssertionError(f"script failed ({process.returncode}):\n{err[-4000:]}")
    return out


def manage(env: dict, *args: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [sys.executable, MANAGE, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


# --- Servers --------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path
    headers: dict = field(default_factory=dict)  # sent with every request (e.g. X-API-Key)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, headers: dict | None = None, timeout: float = 10) -> Response:
        request = urllib.request.Request(
            self.base_url + path, headers={**self.headers, **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return Response(answer.status, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as error:  # 304, 4xx and 5xx carry headers too
            return Response(error.code, dict(error.headers), error.read())

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def server_command(port: int, kind: str = "runserver") -> list[str]:
    if kind == "gunicorn":
        return [
            sys.executable, "-m", "gunicorn", "cms.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", "-",
        ]  # fmt: skip
    return [sys.executable, MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload"]


@contextmanager
def start_server(env: dict, kind: str = "runserver", ready_timeout: float = 90, command=None):
    """A web server on a free port, ready (its partner API answers) when the block starts.

    ``command``: a function port -> argv for another server (default: runserver or gunicorn).
    """
    port = free_port()
    log = Path(env.get("TMPDIR", "/tmp")) / f"protect-server-{port}-{uuid.uuid4().hex[:6]}.log"
    argv = command(port) if command else server_command(port, kind)
    with open(log, "wb") as out:
        process = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, port, log)
    try:
        wait_until_ready(server, ready_timeout)
        yield server
    finally:
        stop(process)
        log.unlink(missing_ok=True)


@contextmanager
def start_servers(envs: list[dict], **options):
    """``start_server`` for each of ``envs`` (same ``options``), booted at the same time rather
    than one after the other; yields the servers, all ready, and stops them all."""
    managers = [start_server(env, **options) for env in envs]
    with ExitStack() as stack:
        with ThreadPoolExecutor(len(managers)) as pool:
            futures = [pool.submit(manager.__enter__) for manager in managers]
        for manager, future in zip(managers, futures, strict=True):
            if future.exception() is None:
                stack.push(manager)  # stopped at the end, also when another failed to start
        yield [future.result() for future in futures]


def wait_until_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"server exited ({server.process.returncode}):\n{server.output()}")
        try:
            if server.get(READY_PATH, timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(
        f"server on port {server.port} not ready in {timeout}s:\n{server.output()}"
    )


def settled_etag(servers: list, path: str, within: float = 2.0) -> str:
    """Prime every server's cache; check it revalidates to 304; return the (shared) ETag.

    A change may bump the version twice (the write, then its after-commit tasks): each process
    memoises the version for up to a second, so the servers agree within the deadline, not at
    once."""
    deadline = time.time() + within
    while True:
        etags, seen = set(), []
        for server in servers:
            first = server.get(path)
            assert first.status == 200
            cached = server.get(path).headers.get("X-Cache")
            revalidated = server.get(path, {"If-None-Match": first.headers["ETag"]}).status
            etags.add(first.headers["ETag"])
            seen.append((server.port, first.headers["ETag"], cached, revalidated))
        settled = len(etags) == 1 and all(s[2:] == ("hit", 304) for s in seen)
        if settled or time.time() > deadline:
            break
        time.sleep(0.2)
    assert settled, f"the servers agree on one version, cached and revalidated: {seen}"
    return etags.pop()


@dataclass
class Background:
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@contextmanager
def start_process(env: dict, *args: str):
    """Any long-running ``manage.py`` command (e.g. ``db_worker``), stopped at the end."""
    log = Path(env.get("TMPDIR", "/tmp")) / f"protect-process-{uuid.uuid4().hex[:8]}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, MANAGE, *args], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        yield Background(process, log)
    finally:
        stop(process)
        log.unlink(missing_ok=True)


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    """Poll ``predicate`` until it returns something truthy (returned); AssertionError after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def stop(process: subprocess.Popen, grace: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
