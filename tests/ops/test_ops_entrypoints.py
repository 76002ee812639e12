"""The server entry points default to production settings; manage.py stays on development."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support import processes

ROOT = Path(__file__).resolve().parents[2]
CLEAN = processes.child_environ("DJANGO_SETTINGS_MODULE", "SECRET_KEY")


@pytest.mark.parametrize("module", ["cms.wsgi", "cms.asgi"])
def test_wsgi_and_asgi_default_to_production(module):
    # Production refuses to start without a secret: proof that it is what was loaded.
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env={**CLEAN, "ALLOWED_HOSTS": "cms.example.org"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production" in result.stderr


def test_manage_py_defaults_to_development():
    result = subprocess.run(
        [sys.executable, "manage.py", "diffsettings", "--output", "unified"],
        cwd=ROOT,
        env=CLEAN,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "+ DEBUG = True" in result.stdout


def locked(path: Path) -> set[str]:
    lines = path.read_text().splitlines()
    return {line.split("==")[0].lower() for line in lines if "==" in line and line[0].isalpha()}


def test_runtime_lock_has_every_runtime_dependency_and_no_dev_tool():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = locked(ROOT / "requirements" / "runtime.lock")
    wanted = {re.split(r"[\[<>=!~ ]", dep)[0].lower() for dep in project["dependencies"]}
    assert wanted <= runtime, wanted - runtime
    for tool in (
        "playwright",
        "moto",
        "ruff",
        "pytest",
        "factory-boy",
        "import-linter",
        "schemathesis",
    ):
        assert tool not in runtime
    # Same pins as the dev lock: a server runs what the tests ran.
    dev = {line for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line}
    run = {line for line in (ROOT / "requirements/runtime.lock").read_text().splitlines()}
    assert {line for line in run if "==" in line} <= dev


def test_private_store_switches_to_its_own_s3_bucket():
    code = (
        "from django.conf import settings; p = settings.STORAGES['private'];"
        "print(p['BACKEND'], p['OPTIONS']['bucket_name'], p['OPTIONS']['querystring_auth'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**CLEAN, "PRIVATE_STORAGE_BUCKET_NAME": "protect-private"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.split() == ["storages.backends.s3.S3Storage", "protect-private", "True"]
