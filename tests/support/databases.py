"""Databases of a test's own for tests that run several processes: a migrated SQLite file, or a
fresh PostgreSQL database copied from a per-session template (``processes`` starts the servers
that share it).

    url = fresh_database(tmp_path)        # SQLite, or PostgreSQL when DATABASE_URL is set
    ...
    drop_database(url)
"""

import os
import shutil
import uuid
from pathlib import Path

import psycopg

from tests.support.processes import django_env, manage

_template: dict = {}  # per test session: the migrated database that tests copy


# The PostgreSQL server for engine="postgres" when DATABASE_URL is not PostgreSQL (a developer
# on SQLite): TEST_POSTGRES_URL, else the local server CONVENTIONS and .ci/run use.
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return (
        url if url.startswith("postgres") else os.environ.get("TEST_POSTGRES_URL", LOCAL_POSTGRES)
    )


def _postgres_url(name: str) -> str:
    base = _postgres_server().rsplit("/", 1)[0]
    return f"{base}/{name}"


def _postgres(sql: str) -> None:
    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


def postgres_unreachable() -> str | None:
    """Why fresh_database(engine="postgres") cannot work here, or None when it can."""
    try:
        psycopg.connect(_postgres_url("postgres"), connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL is not reachable at {_postgres_url('postgres')}: {error}"
    return None


def fresh_database(tmp_path: Path, engine: str = "auto"):
    """A migrated database of its own for one test: SQLite file under ``tmp_path``, or a new
    PostgreSQL database made from a session template (with a PostgreSQL DATABASE_URL unless
    ``engine="sqlite"``; always with ``engine="postgres"``, on DATABASE_URL's server or the
    local one). Returns its URL; PostgreSQL databases are dropped by ``drop_database``."""
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if engine == "postgres" or (postgres and engine != "sqlite"):
        if "postgres" not in _template:
            name = f"procs_template_{uuid.uuid4().hex[:8]}"
            _postgres(f'CREATE DATABASE "{name}"')
            _migrate(django_env(_postgres_url(name)))
            _template["postgres"] = name
        name = f"procs_{uuid.uuid4().hex[:10]}"
        _postgres(f'CREATE DATABASE "{name}" TEMPLATE "{_template["postgres"]}"')
        return _postgres_url(name)
    if "sqlite" not in _template:
        folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"protect-procs-{uuid.uuid4().hex[:8]}"
        folder.mkdir(parents=True)
        path = folder / "template.sqlite3"
        _migrate(django_env(f"sqlite:///{path}"))
        _template["sqlite"] = path
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(_template["sqlite"], target)
    return f"sqlite:///{target}"


def _migrate(env: dict) -> None:
    manage(env, "migrate", "--noinput")
    manage({**env, "CACHE_BACKEND": "database"}, "createcachetable")


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_templates() -> None:
    """Remove the session templates (call once at the end of the session)."""
    if "postgres" in _template:
        _postgres(f'DROP DATABASE IF EXISTS "{_template.pop("postgres")}" WITH (FORCE)')
    if "sqlite" in _template:
        shutil.rmtree(_template.pop("sqlite").parent, ignore_errors=True)
