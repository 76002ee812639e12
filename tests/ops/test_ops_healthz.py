"""/healthz: every dependency checked for real; 503 with the same JSON when one is down."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone

from cms.ops import health, heartbeat
from cms.ops.models import WorkerHeartbeat
from tests.support.s3 import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_worker():
    heartbeat.beat("worker-a", timezone.now())


def test_all_up_is_200_with_each_check(client, live_worker):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "worker"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_no_worker_ever_is_503(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["worker"] == {
        "ok": False,
        "error": "Down: no task worker has reported",
        "ms": body["checks"]["worker"]["ms"],
    }
    assert body["checks"]["database"]["ok"] is True


def test_silent_worker_is_503(client, settings):
    heartbeat.beat("worker-a", timezone.now())
    old = timezone.now() - datetime.timedelta(seconds=settings.PROTECT_WORKER_STALE_SECONDS + 5)
    WorkerHeartbeat.objects.update(seen_at=old)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "heartbeat is" in response.json()["checks"]["worker"]["error"]


def test_redis_down_is_503_not_500(client, settings, live_worker):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["ok"] is False
    assert checks["database"]["ok"] is True


def test_s3_down_is_503(client, s3_down, live_worker):
    response = client.get("/healthz")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage["ok"] is False
    assert "Endpoint" in storage["error"] or "Connect" in storage["error"]


def test_database_error_is_reported_as_down(client, monkeypatch, live_worker):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["error"] == "OperationalError: connection refused"


def test_healthz_runs_few_queries(client, live_worker, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get("/healthz").status_code == 200
