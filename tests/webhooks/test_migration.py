"""The Standard Webhooks migration keeps existing subscribers working (legacy header, same key)."""

import base64

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.webhooks.models import Subscription

pytestmark = pytest.mark.django_db(transaction=True)


def test_existing_subscriptions_get_the_legacy_flag_and_a_whsec_secret():
    executor = MigrationExecutor(connection)
    executor.migrate([("webhooks", "0001_initial")])
    old_apps = executor.loader.project_state([("webhooks", "0001_initial")]).apps
    Old = old_apps.get_model("webhooks", "Subscription")
    Old.objects.create(name="NGO", url="https://ngo.example/hook", secret="old-secret_1", events=[])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    subscription = Subscription.objects.get(name="NGO")
    assert subscription.legacy_signature is True
    assert subscription.secret == "whsec_" + base64.b64encode(b"old-secret_1").decode()
    assert (
        Subscription.objects.create(name="new", url="https://x.example/").legacy_signature is False
    )
