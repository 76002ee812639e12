"""Tests that need a real Redis: CI starts one (.ci/run) and must never skip them."""

import os

import pytest
import redis


def require_redis(url: str) -> None:
    """Return when Redis answers at ``url``; else fail in CI, skip on a machine without it."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not running at {url}")
