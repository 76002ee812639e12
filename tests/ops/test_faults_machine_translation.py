"""Fault: the machine-translation provider hangs. A real LibreTranslate client (wagtail-localize's)
talks to a local server that either never answers or trickles its answer a byte at a time (which
defeats a per-read socket timeout). The job fails in bounded time, says why, and nothing changes."""

import socket
import threading
import time

import pytest
from django.test import override_settings
from wagtail_localize.models import StringTranslation
from wagtail_localize.operations import translate_object

from cms.translation import background, machine, queue_jobs
from cms.translation.models import JobKind, LocalePolicy, QueueJob, TaskState
from tests.factories import AwarenessPageFactory, TranslationTaskFactory

pytestmark = pytest.mark.django_db
LIMIT = 2  # seconds: PROTECT_MACHINE_TRANSLATION_TIMEOUT for these tests


class StuckProvider:
    """A TCP server that reads the request and then never answers (``hang``) or sends a
    valid-looking HTTP answer one byte every 0.3 s, forever (``trickle``)."""

    def __init__(self, mode: str):
        self.mode, self.stopped = mode, threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        self.sock.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn):
        with conn:
            conn.recv(65536)
            self.requests += 1
            header = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: "
            sent = 0
            while not self.stopped.wait(0.3):
                if self.mode == "trickle":
                    try:
                        conn.send(header[sent : sent + 1] if sent < len(header) else b"a")
                    except OSError:
                        return
                    sent += 1

    def stop(self):
        self.stopped.set()
        self.sock.close()


@pytest.fixture(params=["hang", "trickle"])
def provider(request):
    stuck = StuckProvider(request.param)
    translators = {
        "libretranslate": {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": stuck.url, "API_KEY": ""},
        }
    }
    with override_settings(
        PROTECT_MACHINE_TRANSLATORS=translators, PROTECT_MACHINE_TRANSLATION_TIMEOUT=LIMIT
    ):
        yield stuck
    stuck.stop()


@pytest.fixture
def task(home_page, locales, django_capture_on_commit_callbacks):
    page = AwarenessPageFactory(parent=home_page, title="Know your rights")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(home_page, [locales["fr"]])  # the French tree the task lives in
    LocalePolicy.objects.create(locale=locales["fr"], machine_translator="libretranslate")
    return TranslationTaskFactory(source=page, locale=locales["fr"])


def test_hanging_provider_fails_the_job_in_bounded_time_and_changes_nothing(provider, task):
    before = (task.state, task.segments_remaining, StringTranslation.objects.count())
    job, created = queue_jobs.start(JobKind.MACHINE_TRANSLATE, [task.pk], None)
    assert created
    started = time.monotonic()
    background.run_queue_job.call(job.pk)
    elapsed = time.monotonic() - started
    assert provider.requests == 1  # the provider was really called, and hung
    assert LIMIT <= elapsed < LIMIT + 6, elapsed
    job.refresh_from_db()
    assert job.status == QueueJob.Status.FAILED, job.message
    assert f"no complete answer within {LIMIT} s" in job.message
    task.refresh_from_db()
    assert (task.state, task.segments_remaining, StringTranslation.objects.count()) == before
    assert task.state == TaskState.UNTRANSLATED


def test_a_later_request_is_bounded_too(provider, task):
    for _ in range(2):  # a stuck call left behind does not hold the next one
        started = time.monotonic()
        with pytest.raises(machine.MachineTranslationError, match="LibreTranslate failed"):
            machine.pretranslate(task)
        assert time.monotonic() - started < LIMIT + 6
    assert provider.requests == 2
    assert not StringTranslation.objects.filter(translation_type="machine").exists()
