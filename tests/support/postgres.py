"""A throwaway PostgreSQL cluster of a test's own (initdb + pg_ctl on a free port), for faults
that must not touch the shared server: restarting it, or restoring a backup into it.

    with private_cluster() as cluster:
        cluster.restore(dump_path)        # or cluster.createdb("x")
        cluster.stop(); cluster.start()
"""

import glob
import os
import shlex
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass

from tests.support import processes


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    if not found[-1]:
        raise AssertionError(f"{name} (PostgreSQL server binaries) is needed for this test")
    return found[-1]


def _as_postgres(argv: list[str], timeout: float = 120) -> None:
    """PostgreSQL refuses to run as root: switch to the postgres user when we are root."""
    if os.geteuid() == 0:
        argv = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(argv)]
    subprocess.run(argv, check=True, timeout=timeout, capture_output=True)


@dataclass
class Cluster:
    folder: str
    port: int

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        log = os.path.join(self.folder, "log")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        _as_postgres([_bin("pg_ctl"), "-D", self.data, "-l", log, "-o", options, "-w", "start"])

    def stop(self) -> None:
        _as_postgres([_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"])

    @property
    def data(self) -> str:
        return os.path.join(self.folder, "data")

    def psql(self, sql: str, database: str = "postgres") -> None:
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, self.url(database)],
            check=True,
            capture_output=True,
        )


@contextmanager
def private_cluster():
    folder = tempfile.mkdtemp(prefix="protect-pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(folder, processes.free_port())
    _as_postgres(
        [_bin("initdb"), "-D", cluster.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
    )
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped by the test
        shutil.rmtree(folder, ignore_errors=True)


def copy_database(source_url: str, cluster: Cluster, name: str) -> str:
    """``source_url``'s database copied into a new database ``name`` of ``cluster``."""
    cluster.psql(f'CREATE DATABASE "{name}"')
    dump = subprocess.run(
        ["pg_dump", "--no-owner", "--format=custom", source_url], check=True, capture_output=True
    ).stdout
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "-d", cluster.url(name)],
        input=dump,
        check=True,
        capture_output=True,
    )
    return cluster.url(name)
