"""A real S3-protocol server on loopback (moto's standalone server), for storage, multi-host and
fault tests. In-process (``start_server``) or as its own process (``moto_process``: a server
other processes can reach after this one's threads are gone, and that a test can kill)."""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

import boto3
import pytest
from botocore.config import Config
from moto.server import ThreadedMotoServer

REGION = "us-east-1"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def free_port() -> int:
    """A loopback port nothing listens on (also the address of a storage that is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_storages(endpoint: str, bucket: str) -> dict:
    """STORAGES as cms/settings/base.py builds them for S3, pointed at ``endpoint``."""
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": REGION,
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "file_overwrite": False,
                "querystring_auth": False,
                "default_acl": None,
                # Fail fast when the server is gone instead of retrying for seconds.
                "client_config": Config(
                    connect_timeout=1, read_timeout=2, retries={"max_attempts": 1}
                ),
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def start_server() -> tuple[ThreadedMotoServer, str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server, f"http://127.0.0.1:{port}"


def s3_client(endpoint: str):
    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **KEYS)


def new_bucket(endpoint: str) -> str:
    bucket = f"protect-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint).create_bucket(Bucket=bucket)
    return bucket


def s3_env(endpoint: str, bucket: str) -> dict:
    """The environment variables that switch cms/settings/base.py's media storage to S3."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
    }


@contextmanager
def moto_process():
    """moto's S3 server as a process of its own on a free port; yields (process, endpoint)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **KEYS},
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                s3_client(endpoint).list_buckets()
                break
            except Exception:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        yield process, endpoint
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Fixtures (a conftest imports them: `from tests.support.s3 import s3, s3_server`) --------


@pytest.fixture(scope="session")
def s3_server():
    server, endpoint = start_server()
    yield endpoint
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """Media storage switched to a fresh bucket on the loopback S3 server; yields (client, bucket)."""
    bucket = f"protect-{uuid.uuid4().hex[:12]}"
    client = s3_client(s3_server)
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = s3_storages(s3_server, bucket)
    return client, bucket


@pytest.fixture
def s3_down(settings):
    """Media storage pointing at a loopback port where no server answers."""
    settings.STORAGES = s3_storages(f"http://127.0.0.1:{free_port()}", "protect-down")


@pytest.fixture
def s3_stoppable(settings):
    """Its own S3 server that a test can stop half-way; yields (server, client, bucket)."""
    server, endpoint = start_server()
    bucket = f"protect-{uuid.uuid4().hex[:12]}"
    client = s3_client(endpoint)
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = s3_storages(endpoint, bucket)
    yield server, client, bucket
    server.stop()
