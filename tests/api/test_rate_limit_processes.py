"""The rate limit holds across processes sharing the cache (Redis in production and CI with
REDIS_URL), while each process reserves a few requests per round trip (cms/api/ratelimit.py).

A process's only own state is ``ratelimit._local``; ``_as_process`` swaps it, so two
"processes" here share the cache exactly as two gunicorn workers share Redis.
"""

from contextlib import contextmanager

import pytest
from django.test import RequestFactory

from cms.api import ratelimit
from cms.api.errors import ApiError

NOW = 1_800_000_030.0  # 30 s into a window


@pytest.fixture(params=["locmem", "redis"], autouse=True)
def shared_cache(request):
    """Each test on the test settings' local memory, and on Redis (one round trip a
    reservation, ``ratelimit._incr``)."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


@pytest.fixture
def clock(monkeypatch):
    moment = {"now": NOW}
    monkeypatch.setattr("cms.api.ratelimit.time.time", lambda: moment["now"])
    return moment


@pytest.fixture
def processes():
    return [{"window": None, "left": {}} for _ in range(2)]


@contextmanager
def _as_process(state):
    saved = ratelimit._local
    ratelimit._local = state
    try:
        yield
    finally:
        ratelimit._local = saved


def _request(address="203.0.113.7"):
    return RequestFactory().get("/api/partner/v1/pages/", REMOTE_ADDR=address)


def _served(state, request) -> bool:
    with _as_process(state):
        try:
            ratelimit.check(request)
        except ApiError as error:
            assert error.status == 429
            state["retry_after"] = int(error.headers["Retry-After"])
            return False
    return True


@pytest.mark.parametrize("limit", [3, 5_000])  # one per reservation, and five
def test_two_processes_together_never_serve_more_than_the_limit(settings, clock, processes, limit):
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": limit}
    request = _request()
    served = [0, 0]
    for n in range(limit + 40):
        which = (n // 2) % 2  # turns shorter than a reservation: both hold some of one
        served[which] += _served(processes[which], request)
    assert sum(served) == limit
    assert min(served) > 0
    # Spent for both, and stays spent for the rest of the window.
    assert not _served(processes[0], request)
    assert not _served(processes[1], request)
    assert processes[0]["retry_after"] == processes[1]["retry_after"] == 31


def test_an_unused_reservation_is_only_ever_under_the_limit(settings, clock, processes):
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 5_000}
    request = _request()
    assert _served(processes[0], request)  # reserves 5, uses 1
    served = sum(_served(processes[1], request) for _ in range(5_100))
    assert served == 5_000 - 5  # the other process's 4 left are not handed out again


def test_a_reservation_costs_one_cache_call_for_several_requests(
    settings, clock, processes, monkeypatch
):
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 5_000}
    calls = []
    incr = ratelimit._incr
    monkeypatch.setattr(ratelimit, "_incr", lambda *args: calls.append(args) or incr(*args))
    request = _request()
    for _ in range(10):
        assert _served(processes[0], request)
    assert [size for _, size in calls] == [5, 5]


def test_a_new_window_starts_a_new_count(settings, clock, processes):
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 2}
    request = _request()
    assert [_served(processes[0], request) for _ in range(3)] == [True, True, False]
    clock["now"] = NOW + 60
    assert _served(processes[1], request)
    assert _served(processes[0], request)
    clock["now"] = NOW + 61
    assert not _served(processes[0], request)


def test_identities_are_counted_apart(settings, clock, processes):
    settings.PARTNER_API_RATE_TIERS = {**settings.PARTNER_API_RATE_TIERS, "anonymous": 1}
    assert _served(processes[0], _request("203.0.113.7"))
    assert not _served(processes[1], _request("203.0.113.7"))
    assert _served(processes[1], _request("203.0.113.8"))


def test_batch_is_a_thousandth_of_the_limit_within_bounds():
    assert [ratelimit.batch(n) for n in (1, 120, 6_000, 10**9)] == [1, 1, 6, ratelimit.MAX_BATCH]


@pytest.mark.parametrize("shared_cache", ["redis"], indirect=True)  # Redis only
def test_on_redis_a_reservation_is_one_pipeline_with_its_expiry(
    settings, clock, processes, shared_cache, redis_cache, monkeypatch
):
    cache = redis_cache
    monkeypatch.setattr(cache, "add", None)  # not the two-call form of other backends
    monkeypatch.setattr(cache, "incr", None)
    assert _served(processes[0], _request())
    window = int(NOW // ratelimit.WINDOW_SECONDS)
    key = f"partner_api:rate:ip:203.0.113.7:{window}"
    assert cache.get(key) == 1
    assert 0 < cache.ttl(key) <= ratelimit.WINDOW_SECONDS + 5
