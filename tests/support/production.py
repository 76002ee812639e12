"""Production-style processes for tests: gunicorn with deploy/gunicorn.conf.py and
cms.settings.production (whitenoise, collected static files), and its task workers.

    env = production_env(databases.fresh_database(tmp_path))
    with processes.start_server(env, command=gunicorn_command()) as web, \\
         processes.start_process(env, "run_worker") as worker:
        web.get("/healthz")
"""

import sys
import tempfile
from pathlib import Path

from tests.support import processes

_static: dict = {}  # per test session: the folder collectstatic filled


def production_env(database_url: str, **extra: str) -> dict:
    """Environment for production-settings processes over ``database_url`` (plain HTTP)."""
    env = processes.django_env(
        database_url,
        settings="cms.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",
        **extra,
    )
    env.setdefault("STATIC_ROOT", str(collected_static(env)))
    return env


def collected_static(env: dict) -> Path:
    """Static files collected once per session as `make static` does (compressed, hashed)."""
    if "root" not in _static:
        root = Path(tempfile.mkdtemp(prefix="protect-static-"))
        processes.manage({**env, "STATIC_ROOT": str(root)}, "collectstatic", "--noinput", "-v", "0")
        _static["root"] = root
    return _static["root"]


def gunicorn_command(workers: int = 2):
    """For ``processes.start_server(command=…)``: gunicorn as `make serve` runs it."""
    config = str(processes.ROOT / "deploy" / "gunicorn.conf.py")

    def argv(port: int) -> list[str]:
        return [
            sys.executable, "-m", "gunicorn", "-c", config,
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "cms.wsgi",
        ]  # fmt: skip

    return argv
