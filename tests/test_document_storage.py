"""Documents live where every app server sees them: with STORAGE_BUCKET set
they are stored in S3-compatible object storage (here moto's S3 server, a
real HTTP S3 implementation on loopback), not on the container's disk."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    process = subprocess.Popen(
        [Path(sys.executable).parent / "moto_server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(endpoint, timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.3)
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint):
    name = f"documents-{uuid.uuid4().hex[:8]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="ap-northeast-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"}
    )
    return client, name


def storage_env(s3_endpoint, bucket_name, tmp_path) -> dict:
    env = {
        **os.environ,
        **CREDENTIALS,
        "STORAGE_BUCKET": bucket_name,
        "STORAGE_ENDPOINT_URL": s3_endpoint,
        "STORAGE_REGION": "ap-northeast-1",
        # A disk folder that must stay empty: nothing may land there.
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(BASE_DIR),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


SAVE_AND_READ = r"""
import os, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinjuku_mynumber.settings")
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import storages
default_storage = storages["default"]
name = default_storage.save("documents/2026/keikaku.pdf", ContentFile(sys.stdin.buffer.read()))
print(type(default_storage).__name__, name)
with default_storage.open(name) as fh:
    sys.stderr.write(str(len(fh.read())))
"""


def test_documents_are_stored_in_the_bucket_not_on_the_disk(s3_endpoint, bucket, tmp_path):
    client, name = bucket
    pdf = b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n"

    result = subprocess.run(
        [sys.executable, "-c", SAVE_AND_READ],
        input=pdf,
        cwd=BASE_DIR,
        env=storage_env(s3_endpoint, name, tmp_path),
        capture_output=True,
    )

    assert result.returncode == 0, result.stderr.decode()
    backend, stored_name = result.stdout.decode().split()
    assert backend == "S3Storage"
    assert result.stderr.decode().endswith(str(len(pdf)))
    stored = client.get_object(Bucket=name, Key=f"media/{stored_name}")
    assert stored["Body"].read() == pdf
    assert not (tmp_path / "media").exists()


def test_without_a_bucket_the_first_run_keeps_documents_on_disk(tmp_path):
    env = {**os.environ, "MEDIA_ROOT": str(tmp_path / "media"), "PYTHONPATH": str(BASE_DIR)}
    env.pop("STORAGE_BUCKET", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", SAVE_AND_READ],
        input=b"%PDF-1.7\n%%EOF\n",
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("DocumentStorage documents/2026/keikaku")  # on disk
    assert (
        (tmp_path / "media" / "documents" / "2026" / "keikaku.pdf").read_bytes().startswith(b"%PDF")
    )
