"""Issue 9.2: SQLite, the embedded default, holds the task worker and concurrent editors.

On one file database (always SQLite, whatever DATABASE_URL says): the task worker drains the
search-index tasks that page saves queue while three editor processes publish pages and upload
documents through the admin, all at once. No process may see "database is locked".
"""

import json

from tests.support import databases, processes

SETUP = """
from django.contrib.auth import get_user_model
from home.demo.pages import ensure_home_page
from tests.factories import AwarenessPageFactory
from django_tasks_db.models import DBTaskResult
home, _ = ensure_home_page()
get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
for n in range(60):
    AwarenessPageFactory(parent=home, slug=f"seed-{n}")
print(DBTaskResult.objects.count())
"""
EDITOR = """
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Collection
from home.models import HomePage
from tests.factories import AwarenessPageFactory
from tests.support.uploads import pdf_bytes, upload
client = Client()
client.force_login(get_user_model().objects.get(username="editor"))
home = HomePage.objects.first()
root = Collection.get_first_root_node()
for n in range({rounds}):
    page = AwarenessPageFactory(parent=home, slug="w{writer}-" + str(n))
    page.title = "Edited " + str(n)
    page.save_revision().publish()
    response = client.post(
        "/admin/documents/add/",
        {{"title": "Leaflet {writer} " + str(n), "collection": root.pk,
          "file": upload("leaflet-{writer}-" + str(n) + ".pdf", pdf_bytes(), "application/pdf")}},
    )
    assert response.status_code == 302, (response.status_code, response.content[:500])
print("done")
"""
PENDING = """
from django_tasks_db.models import DBTaskResult
import json
rows = DBTaskResult.objects.values_list("status", flat=True)
print(json.dumps({s: sum(1 for r in rows if r == s) for s in set(rows)}))
"""


def test_worker_and_concurrent_editors_share_one_sqlite_file(tmp_path):
    database = databases.fresh_database(tmp_path, engine="sqlite")
    env = processes.django_env(database, MEDIA_ROOT=str(tmp_path / "media"))
    queued = int(processes.run_script(env, SETUP).strip().splitlines()[-1])
    assert queued >= 60, "page saves queue index tasks for the worker"

    with processes.start_process(env, "db_worker", "--queue-name", "*") as worker:
        editors = [
            processes.start_script(env, EDITOR.format(writer=writer, rounds=12))
            for writer in range(3)
        ]
        outputs = [processes.finish(editor, timeout=400) for editor in editors]
        assert all(out.strip().endswith("done") for out in outputs)
        counts = _wait_until_drained(env)
        worker_log = worker.output()
    assert "database is locked" not in worker_log
    assert counts.get("FAILED", 0) == 0, counts
    assert counts.get("SUCCESSFUL", 0) >= queued


def _wait_until_drained(env, attempts: int = 60) -> dict:
    counts = {}
    for _ in range(attempts):
        counts = json.loads(processes.run_script(env, PENDING).strip().splitlines()[-1])
        if not counts.get("READY") and not counts.get("RUNNING"):
            return counts
    raise AssertionError(f"the worker did not drain the queue: {counts}")
