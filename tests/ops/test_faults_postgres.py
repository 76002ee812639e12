"""Fault: PostgreSQL restarted under load. gunicorn (production settings, two workers) serves
a private PostgreSQL cluster (never the shared server) while client threads keep asking; the
cluster is stopped and started again. While it is down every answer is the API's own or a JSON
503 ``database_unavailable`` with ``Retry-After``; once it is back, not one error."""

import os
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.support import databases, processes
from tests.support.postgres import copy_database, private_cluster
from tests.support.production import gunicorn_command, production_env

PATHS = [
    "/api/partner/v1/locales/",
    "/api/partner/v1/pages/?locale=en",
    "/api/partner/v1/videos/?locale=en",
    "/api/partner/v1/materials/?locale=en",
    "/api/partner/v1/changes/",
]
pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="a PostgreSQL fault: runs with DATABASE_URL=postgres://… (as CI does)",
)


class Load:
    """Client threads asking in turn for PATHS; each answer is kept with the phase it was
    sent and received in (answers that straddle a phase change are left out)."""

    def __init__(self, base: str, threads: int = 4):
        self.base, self.phase, self.answers = base, "up", []
        self.running = True
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(threads)]

    def run(self, n: int):
        i = n
        while self.running:
            phase, path = self.phase, PATHS[i % len(PATHS)]
            i += 1
            try:
                with urllib.request.urlopen(self.base + path, timeout=15) as answer:
                    outcome = (answer.status, answer.headers, answer.read())
            except urllib.error.HTTPError as error:
                outcome = (error.code, error.headers, error.read())
            except OSError as error:
                outcome = (type(error).__name__, {}, b"")
            if self.phase == phase:
                self.answers.append((phase, path, *outcome))
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(30)

    def during(self, phase: str):
        return [answer for answer in self.answers if answer[0] == phase]


def test_postgres_restart_under_load(tmp_path):
    source = databases.fresh_database(tmp_path)
    try:
        with private_cluster() as cluster:
            env = production_env(copy_database(source, cluster, "faults_restart"))
            with processes.start_server(env, command=gunicorn_command(workers=2)) as web:
                with Load(web.base_url) as load:
                    time.sleep(3)
                    load.phase = "down"
                    cluster.stop()
                    time.sleep(4)
                    load.phase = "starting"
                    cluster.start()  # returns once it accepts connections
                    load.phase = "back"
                    time.sleep(5)
    finally:
        databases.drop_database(source)

    up, down, back = load.during("up"), load.during("down"), load.during("back")
    assert up and all(status == 200 for _, _, status, _, _ in up), up[:3]
    unavailable = [a for a in down if a[2] == 503]
    assert len(unavailable) >= 5, [a[:3] for a in down]
    for _, path, status, headers, body in down:
        assert status in (200, 503), (path, status, body[:300])
        if status == 503:
            assert headers["Content-Type"] == "application/json"
            assert headers["Retry-After"] == "30"
            assert b'"database_unavailable"' in body
    assert len(back) >= 20
    errors = [(path, status, body[:200]) for _, path, status, _, body in back if status != 200]
    assert errors == []
