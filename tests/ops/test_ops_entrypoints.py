"""The server entry points default to production settings; manage.py stays on development."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = {
    k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY")
}


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
