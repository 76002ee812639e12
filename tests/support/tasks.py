"""Tasks for the worker tests, importable by worker processes (they run from the repo root).

Each run leaves lines in a journal file, so a test sees every attempt and every completion
even of a worker it killed."""

import os
import time
from pathlib import Path

from django_tasks import task


def journal(path: str) -> list[str]:
    file = Path(path)
    return file.read_text().splitlines() if file.exists() else []


def _write(path: str, line: str) -> None:
    with open(path, "a", encoding="utf-8") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())


@task()
def slow_job(path: str, seconds: float) -> str:
    """The first attempt takes ``seconds`` (time to kill its worker), a retry half a second;
    its effect (the "done" line) happens only at the very end."""
    retry = bool(journal(path))
    _write(path, f"start {os.getpid()}")
    time.sleep(0.5 if retry else seconds)
    _write(path, f"done {os.getpid()}")
    return "done"


@task()
def quick_job(path: str, value: str) -> str:
    _write(path, f"{value} {os.getpid()}")
    return value
