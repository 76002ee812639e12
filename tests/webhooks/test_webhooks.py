"""Webhooks: signed deliveries from the worker, retries, no loss when down, redelivery."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from standardwebhooks import Webhook

from cms.api.models import ChangeEvent
from cms.webhooks.models import Delivery, Subscription
from tests.factories import AwarenessPageFactory
from tests.support.webhooks import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    instance = Receiver()
    yield instance
    instance.server.shutdown()


@pytest.fixture
def publish(home_page, django_capture_on_commit_callbacks):
    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run


@pytest.fixture
def page(home_page):
    return AwarenessPageFactory(parent=home_page, slug="rights", live=False)


def test_published_event_is_delivered_signed(receiver, publish, page):
    subscription = Subscription.objects.create(
        name="NGO", url=receiver.url, events=["published"], locales=["en"]
    )
    publish(page)
    (headers, body) = receiver.received[-1]
    headers = {name.lower(): value for name, value in headers.items()}
    event = json.loads(body)
    assert event["event"] == "published" and event["object_id"] == page.pk
    assert event["id"] == headers["webhook-id"]
    # What a partner runs (docs/partner-api.md): the Standard Webhooks library verifies it.
    assert Webhook(subscription.secret).verify(body, headers) == event
    assert subscription.secret.startswith("whsec_")
    assert "x-protect-signature" not in headers  # new subscriptions get the standard only
    delivery = Delivery.objects.get(event_id=event["id"])
    assert delivery.status == "succeeded" and delivery.attempts == 1


def test_subscriptions_filter_by_event_and_locale(
    receiver, publish, page, django_capture_on_commit_callbacks
):
    Subscription.objects.create(
        name="ar only", url=receiver.url, events=["published"], locales=["ar"]
    )
    Subscription.objects.create(name="tombstones", url=receiver.url, events=["unpublished"])
    publish(page)
    assert receiver.events() == []
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert [e["event"] for e in receiver.events()] == ["unpublished"]


def test_receiver_down_retries_with_backoff_and_nothing_is_lost(
    receiver, publish, page, settings, client, admin_user, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    Subscription.objects.create(name="NGO", url=receiver.url, events=["published"])
    receiver.up = False
    publish(page)
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 3
    assert delivery.last_status_code == 503
    assert Delivery.backoff(1).total_seconds() == 30 and Delivery.backoff(4).total_seconds() == 240
    # The log keeps the event; an admin redelivers it once the receiver is back.
    receiver.up = True
    client.force_login(admin_user)
    url = f"/admin/webhooks/deliveries/{delivery.pk}/redeliver/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    (event,) = receiver.events()
    assert event["id"] == delivery.event_id
    # Redelivering again sends the same id: a deduplicating receiver acts once.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len({e["id"] for e in receiver.events()}) == 1


def test_pending_deliveries_resume_after_an_outage(receiver, page, settings):

    subscription = Subscription.objects.create(name="NGO", url=receiver.url, events=["published"])
    event = ChangeEvent.objects.create(
        event="published", object_type="protect.AwarenessPage", object_id=page.pk, locale="en"
    )  # the worker was down: the delivery row exists, its task never ran
    assert Delivery.objects.get(subscription=subscription).status == "pending"
    call_command("webhooks_resume", stdout=open("/dev/null", "w"))
    assert receiver.events()[0]["id"] == event.event_id


def test_delivery_log_lists_in_admin(receiver, publish, page, client, admin_user):
    Subscription.objects.create(name="NGO", url=receiver.url, events=["published"])
    publish(page)
    client.force_login(admin_user)
    response = client.get("/admin/webhook_deliveries/")
    assert response.status_code == 200
    assert b"Redeliver" in response.content and b"succeeded" in response.content.lower()
    assert client.get("/admin/webhook_deliveries/new/").status_code in (302, 403)
    new = client.get("/admin/webhook_subscriptions/new/")
    assert new.status_code == 200 and b"unpublished" in new.content


def test_subscription_validation(receiver):
    with pytest.raises(ValidationError, match="Unknown language codes: xx"):
        Subscription(name="x", url=receiver.url, events=["published"], locales=["xx"]).full_clean()
    with pytest.raises(ValidationError, match="Choose one or more"):
        Subscription(name="x", url=receiver.url, events=["edited"]).full_clean()
