"""The CI form of the load test (issue 11.6): scripts/load.py for 60 s at 20 requests/s on its
mix of partner endpoints against gunicorn (production settings, two workers) over the test
database (PostgreSQL in CI). Fails on any error (5xx, refused connection, unexpected 4xx), on
less than 90 % of the requests sent, or when gunicorn's RSS grows more than 15 % from the first
third of the run to the last. The 10-minute, 50 requests/s form: `scripts/load.py --serve`."""

import re
import subprocess
import sys

from tests.support import databases, processes
from tests.support.production import gunicorn_command, production_env

CONTENT = """
from wagtail.models import Locale
from home.demo.pages import ensure_home_page
from tests.factories import AwarenessPageFactory, MaterialFactory, VideoPageFactory
from tests.support.pages import translate_page
home, _ = ensure_home_page()
ar = Locale.objects.get(language_code="ar")
for n in range(5):
    page = AwarenessPageFactory(parent=home, title=f"Know your rights {n}")
    translate_page(page, ar, title=f"اعرف حقوقك {n}")
VideoPageFactory(parent=home, slug="no-one")
MaterialFactory(files=[("en", "screen"), ("ar", "print")])
"""
DURATION, RATE = 60, 20


def test_load_for_a_minute_without_errors_or_memory_growth(tmp_path):
    database = databases.fresh_database(tmp_path)
    env = production_env(database, MEDIA_ROOT=str(tmp_path / "media"))
    try:
        processes.run_script({**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}, CONTENT)
        with processes.start_server(env, command=gunicorn_command(workers=2)) as web:
            run = subprocess.run(
                [sys.executable, "scripts/load.py", "--url", web.base_url,
                 "--pid", str(web.process.pid), "--rate", str(RATE), "--duration", str(DURATION)],
                cwd=processes.ROOT, capture_output=True, text=True, timeout=DURATION + 60,
            )  # fmt: skip
    finally:
        databases.drop_database(database)
    report = run.stdout
    print(report)
    assert run.returncode == 0 and report.rstrip().endswith("OK"), report + run.stderr[-2000:]
    requests = int(re.search(r"requests (\d+)", report)[1])
    assert requests >= DURATION * RATE * 0.9
    assert "errors {}" in report
    samples = re.findall(r"\d+s:(\d+)", report)
    assert len(samples) >= 10  # RSS was really sampled over the run
