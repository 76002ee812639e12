"""Issue 9.4: several hosts over shared services, as deploy/ runs them.

Two gunicorn instances (A and B, cms.settings.production) and two task workers
(``run_worker --queue-name '*'``) share one PostgreSQL database, one Redis (the cache) and one
S3-protocol server (moto, a process of its own), all on loopback. Each "host" has its own
MEDIA_ROOT, PRIVATE_ROOT and TMPDIR, so anything kept on local disk cannot be found by the other.

- an editor logs into A's admin over HTTP and publishes; B's partner API serves the new title
  within 2 s, with a new ETag, and the old ETag no longer gets 304;
- a PDF uploaded through A's admin lives in S3 (and on no host's disk); B serves the same bytes;
- a worker SIGKILLed mid-job leaves the job to the other worker, which completes it exactly once.

PostgreSQL is required: DATABASE_URL's server when it is PostgreSQL (CI), else the local one.
"""

import json
import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from wagtail.test.utils.form_data import querydict_from_html

from tests.support import databases, processes
from tests.support.admin_http import AdminSession
from tests.support.production import gunicorn_command, production_env
from tests.support.s3 import moto_process, new_bucket, s3_client, s3_env
from tests.support.tasks import journal
from tests.support.uploads import pdf_bytes

API = "/api/partner/v1"
DEADLINE_SECONDS = 2.0
READY_SECONDS = 120  # the machine may be loaded: wait long, poll often
SETTLE_SECONDS = 30  # for the workers' index tasks; the 2 s freshness deadline is apart
REDIS_URL = "redis://127.0.0.1:6379/1"
PASSWORD = "two-hosts-editor-1"
# Fast heartbeats so a killed worker's job is reclaimed in seconds, not the default minute.
WORKERS = {"WORKER_HEARTBEAT_SECONDS": "0.5", "WORKER_STALE_SECONDS": "4"}
TIMINGS: dict[str, float] = {}  # printed at the end (`-s`), reported in the notes

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from wagtail.models import Collection
from cms.api.models import PartnerKey
from home.demo.pages import ensure_home_page
from tests.factories import AwarenessPageFactory
home, _ = ensure_home_page()
page = AwarenessPageFactory(parent=home, title="Before", slug="two-hosts")
get_user_model().objects.create_superuser("editor", "editor@example.org", {PASSWORD!r})
# Polling is many uncached requests: a premium key keeps the rate limit out of the way.
key = PartnerKey.objects.create(name="two-hosts", tier="premium").key
print(json.dumps({{"page": page.pk, "collection": Collection.get_first_root_node().pk, "key": key}}))
"""


def _require(reason: str | None) -> None:
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(reason)  # .ci/run starts PostgreSQL and Redis: missing means broken
    pytest.skip(reason)


def _redis_unreachable() -> str | None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis is not reachable at {REDIS_URL}: {error}"
    return None


@dataclass
class Hosts:
    a: processes.Server
    b: processes.Server
    workers: list
    env: dict
    ids: dict
    folders: dict
    endpoint: str
    bucket: str
    cache: redis.Redis
    prefix: str
    journal: Path


def _timed(name: str, started: float) -> None:
    TIMINGS[name] = round(time.monotonic() - started, 2)


@pytest.fixture(scope="module")
def hosts(tmp_path_factory):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        _require(databases.postgres_unreachable())
    _require(_redis_unreachable())
    root = tmp_path_factory.mktemp("two-hosts")
    prefix = f"twohosts-{uuid.uuid4().hex[:8]}"
    cache = redis.Redis.from_url(REDIS_URL)
    started = time.monotonic()
    with moto_process() as (_, endpoint):
        bucket = new_bucket(endpoint)
        with ThreadPoolExecutor(1) as pool:
            # collectstatic (once per session, no database needed) while PostgreSQL migrates.
            static = pool.submit(production_env, f"sqlite:///{root / 'unused.sqlite3'}")
            url = databases.fresh_database(root, engine="postgres")
        setup = None
        try:
            static.result()
            shared = {**s3_env(endpoint, bucket), **WORKERS}
            shared.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix)
            folders, envs = {}, {}
            for host in ("a", "b"):
                folders[host] = {kind: root / host / kind for kind in ("media", "private", "tmp")}
                for folder in folders[host].values():
                    folder.mkdir(parents=True)
                envs[host] = production_env(
                    url,
                    **shared,
                    MEDIA_ROOT=str(folders[host]["media"]),
                    PRIVATE_ROOT=str(folders[host]["private"]),
                    TMPDIR=str(folders[host]["tmp"]),
                )
            _timed("setup: PostgreSQL migrated while static files were collected", started)
            started = time.monotonic()
            # Content, workers and web servers all boot at once; each waits for nothing else.
            setup = processes.start_script(envs["a"], SETUP)
            worker = ("run_worker", "--queue-name", "*", "--no-startup-delay", "--interval", "0.2")
            with (
                processes.start_process(envs["a"], *worker) as worker_a,
                processes.start_process(envs["b"], *worker) as worker_b,
                processes.start_servers(
                    [envs["a"], envs["b"]],
                    command=gunicorn_command(workers=2),
                    ready_timeout=READY_SECONDS,
                ) as (a, b),
            ):
                ids = json.loads(processes.finish(setup).strip().splitlines()[-1])
                a.headers = b.headers = {"X-API-Key": ids["key"]}
                processes.wait_for(
                    lambda: b.get("/healthz").status == 200,
                    READY_SECONDS,
                    "B's /healthz (database, Redis, S3, a worker heartbeat)",
                )
                _timed("start: content script, 2 gunicorn, 2 workers; until B is healthy", started)
                yield Hosts(
                    a, b, [worker_a, worker_b], envs["a"], ids, folders, endpoint, bucket,
                    cache, prefix, root / "journal.txt",
                )  # fmt: skip
        finally:
            if setup is not None:
                processes.stop(setup)  # still running only when something else failed
            databases.drop_database(url)
            keys = list(cache.scan_iter(match=f"{prefix}:*"))
            if keys:
                cache.delete(*keys)
            print("two hosts timings (s):", json.dumps(TIMINGS, indent=1))


def test_publish_through_a_is_served_by_b_within_two_seconds(hosts):
    page_path = f"{API}/pages/{hosts.ids['page']}/"
    edit_path = f"/admin/pages/{hosts.ids['page']}/edit/"
    assert hosts.b.get(page_path).json()["title"] == "Before"
    # A and B agree on the version, cached and revalidated to 304, once the workers have run
    # the setup's index tasks (which bump it too).
    old_etag = processes.settled_etag([hosts.a, hosts.b], page_path, within=SETTLE_SECONDS)
    assert any(hosts.cache.scan_iter(match=f"{hosts.prefix}:*")), "answers cached in Redis"

    started = time.monotonic()
    editor = AdminSession(hosts.a, "editor", PASSWORD)
    _timed("publish: log into A's admin", started)
    form = querydict_from_html(editor.get(edit_path).text, form_id="page-edit-form").copy()
    # The StreamField's inputs are built by the admin's JavaScript; the page's body is empty.
    form.setdefault("body-count", "0")
    form["title"] = "After"
    form["action-publish"] = "action-publish"
    started = time.monotonic()
    answer = editor.post(edit_path, list(form.lists()))
    published = time.monotonic()
    TIMINGS["publish: POST through A"] = round(published - started, 2)
    assert answer.status_code == 302, answer.text[:3000]  # a form error would answer 200

    # B: stale answers are allowed only while the publish is younger than the deadline.
    while True:
        asked = time.monotonic()
        response = hosts.b.get(page_path)
        if response.status == 200 and response.json()["title"] == "After":
            break
        assert asked - published < DEADLINE_SECONDS, (
            f"B still serves {response.status} {response.body[:200]!r} "
            f"{asked - published:.2f} s after A published"
        )
        time.sleep(0.05)
    TIMINGS["publish: until B served the new title"] = round(asked - published, 2)
    assert response.headers["ETag"] != old_etag
    assert hosts.b.get(page_path, {"If-None-Match": old_etag}).status == 200
    # The publish's after-commit tasks may bump the version once more: then both settle on it.
    assert processes.settled_etag([hosts.a, hosts.b], page_path, within=SETTLE_SECONDS) != old_etag
    assert hosts.a.get(page_path).json()["title"] == "After"


def _files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_upload_through_a_is_downloaded_from_b_out_of_s3(hosts):
    data = pdf_bytes(pages=3, text=f"Two hosts {uuid.uuid4().hex}")
    before = {path.name for host in hosts.folders.values() for path in _files_under(host["tmp"])}
    editor = AdminSession(hosts.a, "editor", PASSWORD)
    started = time.monotonic()
    answer = editor.post(
        "/admin/documents/multiple/add/",
        {"title": "Leaflet for two hosts", "collection": hosts.ids["collection"]},
        files={"files[]": ("two-hosts.pdf", data, "application/pdf")},
    )
    _timed("upload: POST through A", started)
    assert answer.status_code == 200, answer.text[:2000]
    result = answer.json()
    assert result["success"], result

    keys = [
        item["Key"]
        for item in s3_client(hosts.endpoint).list_objects_v2(Bucket=hosts.bucket)["Contents"]
    ]
    stored = [key for key in keys if key.startswith("documents/")]
    assert len(stored) == 1 and stored[0].endswith(".pdf"), keys
    s3_object = s3_client(hosts.endpoint).get_object(Bucket=hosts.bucket, Key=stored[0])
    assert s3_object["Body"].read() == data
    for host in hosts.folders.values():  # nothing on any host's disk that B could read instead
        assert _files_under(host["media"]) == [] and _files_under(host["private"]) == []
        new = [p for p in _files_under(host["tmp"]) if p.name not in before]
        assert not [p for p in new if p.read_bytes() == data], new

    started = time.monotonic()
    download = hosts.b.get(f"/documents/{result['doc_id']}/{stored[0].rsplit('/', 1)[1]}")
    _timed("upload: download through B", started)
    assert download.status == 200, download.body[:500]
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.body == data


def test_job_of_a_worker_killed_mid_job_completes_once_on_the_other(hosts):
    """Also tests/ops/test_ops_task_queue.py (dev settings); here in the deployed topology."""
    path = str(hosts.journal)
    out = processes.run_script(
        hosts.env,
        f"from tests.support import tasks; print('ID', tasks.slow_job.enqueue({path!r}, 120).id)",
    )
    task_id = out.split("ID ", 1)[1].split()[0]
    first = processes.wait_for(lambda: journal(path), READY_SECONDS, "a worker to start the job")
    victim_pid = int(first[0].split()[1])
    pids = {worker.process.pid: worker for worker in hosts.workers}
    assert victim_pid in pids, (victim_pid, list(pids))
    survivor = next(worker for pid, worker in pids.items() if pid != victim_pid)
    killed = time.monotonic()
    os.kill(victim_pid, signal.SIGKILL)  # mid-job: RUNNING, its effect not yet written
    pids[victim_pid].process.wait(10)

    done = processes.wait_for(
        lambda: [line for line in journal(path) if line.startswith("done")],
        READY_SECONDS,
        "the other worker to complete the reclaimed job",
    )
    _timed("worker: SIGKILL until the other completed the job", killed)
    assert done == [f"done {survivor.process.pid}"], survivor.output()
    out = processes.run_script(
        hosts.env,
        "from tests.support import tasks;"
        f"r = tasks.slow_job.get_result('{task_id}');"
        "print('RESULT', r.status, len(r.worker_ids), r.return_value)",
    )
    assert out.split("RESULT ", 1)[1].strip() == "SUCCESSFUL 2 done"
    assert journal(path) == [
        f"start {victim_pid}",
        f"start {survivor.process.pid}",
        f"done {survivor.process.pid}",
    ]
    assert survivor.process.poll() is None, "the survivor keeps running"
