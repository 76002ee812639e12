"""Fault: a partner's webhook receiver is down for hours. Time travels (freezegun) in 5-minute
steps while the real database task backend, worker (`db_worker --batch`) and scheduler (which
runs `webhooks_resume` every minute beside the deferred retries) do their work; when the receiver
is back every event arrives, each exactly once, within the hour."""

import datetime
import io

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from freezegun import freeze_time

from cms.api.models import ChangeEvent
from cms.ops import scheduler
from cms.webhooks.delivery import claim
from cms.webhooks.models import Delivery, Subscription
from cms.webhooks.tasks import deliver
from tests.factories import AwarenessPageFactory
from tests.support.webhooks import Receiver

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
STEP = datetime.timedelta(minutes=5)
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def receiver():
    instance = Receiver()
    yield instance
    instance.server.shutdown()


@pytest.fixture
def world(settings, receiver, home_page, django_capture_on_commit_callbacks, monkeypatch):
    settings.TASKS = DB_TASKS
    # The worker runs in this process, inside the test's transaction: its "drop stale
    # connections" step would close that transaction's PostgreSQL connection (a real worker
    # host has its own connection; SQLite's in-memory test database is never closed).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    Subscription.objects.create(name="NGO", url=receiver.url, events=["published", "unpublished"])

    class World:
        def __init__(self, clock):
            self.clock, self.steps = clock, 0

        def work(self):
            """What a worker host does in one step: periodic jobs, then every task due."""
            with django_capture_on_commit_callbacks(execute=True):  # deliveries enqueue on commit
                scheduler.tick("faults-worker")
                call_command(
                    "db_worker", "--batch", "--no-startup-delay", "--no-reload",
                    "--worker-id", "faults-worker", stdout=io.StringIO(), stderr=io.StringIO(),
                )  # fmt: skip

        def advance(self, duration):
            for _ in range(int(duration / STEP)):
                self.clock.tick(STEP)
                self.work()

        def publish(self, title):
            page = AwarenessPageFactory(parent=home_page, title=title, live=False)
            with django_capture_on_commit_callbacks(execute=True):
                page.save_revision().publish()
            page.refresh_from_db()
            self.work()
            return page

        def unpublish(self, page):
            with django_capture_on_commit_callbacks(execute=True):
                page.unpublish()
            self.work()

    with freeze_time(START) as clock:
        yield World(clock)


def test_receiver_down_for_hours_gets_every_event_exactly_once(world, receiver):
    receiver.up = False
    first = world.publish("Know your rights")
    world.advance(datetime.timedelta(hours=2))
    second = world.publish("Where to get help")
    world.advance(datetime.timedelta(hours=2))
    world.unpublish(first)
    world.advance(datetime.timedelta(hours=2))  # six hours down in all
    assert receiver.received == []
    announced = ChangeEvent.objects.filter(object_id__in=[first.pk, second.pk])
    events = [event.event_id for event in announced]
    assert len(events) == 3 and Delivery.objects.count() == 3
    assert set(Delivery.objects.values_list("status", flat=True)) == {"retrying"}
    oldest = Delivery.objects.get(payload__object_id=first.pk, payload__event="published")
    # Backed off, not hammering: 30 s … 32 min, then hourly.
    assert 10 <= oldest.attempts <= 14, oldest.attempts

    receiver.up = True
    world.advance(datetime.timedelta(hours=1))
    received = [event["id"] for event in receiver.events()]
    assert sorted(received) == sorted(events)  # every event, none twice
    assert {(e["event"], e["object_id"]) for e in receiver.events()} == {
        ("published", first.pk),
        ("published", second.pk),
        ("unpublished", first.pk),
    }
    assert set(Delivery.objects.values_list("status", flat=True)) == {"succeeded"}
    world.advance(datetime.timedelta(hours=2))  # and nothing more arrives later
    assert len(receiver.received) == len(events)


def test_two_workers_running_one_delivery_send_it_once(world, receiver):
    receiver.up = False
    world.publish("Know your rights")
    delivery = Delivery.objects.get()
    world.clock.tick(datetime.timedelta(hours=1))
    # Two workers load the same due delivery; the first to claim the attempt sends it.
    mine, theirs = Delivery.objects.get(), Delivery.objects.get()
    assert claim(mine) and not claim(theirs)
    assert Delivery.objects.get().attempts == delivery.attempts + 1
    # A second enqueue before the retry is due is dropped, not a second chain of retries.
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=START + datetime.timedelta(hours=3)
    )
    assert deliver.call(delivery.pk) == "not due"
