"""Loopback S3 fixtures for the storage tests (tests/support/s3.py)."""

from tests.support.s3 import s3, s3_down, s3_server, s3_stoppable  # noqa: F401
