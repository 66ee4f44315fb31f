"""Documents live where every app server sees them: with STORAGE_BUCKET set
they are stored in S3-compatible object storage (here moto's S3 server, a
real HTTP S3 implementation on loopback), not on the container's disk. Two
live app servers share it; a storage that refuses or hangs leaves no
half-saved document; a deleted document takes its object along."""

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
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from live_servers import TcpProxy, admin_post, fetch_bytes
from test_admin_editing import admin_form_data

from pages.models import Document, Section

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
    assert backend == "SharedDocumentStorage"  # S3Storage that reports failures clearly
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


# --- Live app servers sharing the bucket -------------------------------------

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"  # not valid UTF-8: bytes compared


def upload(base, client, title, name="keikaku.pdf", body=PDF, timeout=10):
    """An admin upload of a new document posted to the live server at `base`."""
    add_url = reverse("admin:pages_document_add")
    data = admin_form_data(
        client.get(add_url),
        section=str(Section.objects.get(slug="pia").pk),
        position="5",
        title_ja=title,
    )
    data["file"] = SimpleUploadedFile(name, body)
    return admin_post(base, client, add_url, data, timeout=timeout)


def stored_keys(s3, bucket_name):
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket_name).get("Contents", [])]


def server_env(endpoint, bucket_name, media, timeout="10"):
    return {
        **CREDENTIALS,
        "STORAGE_BUCKET": bucket_name,
        "STORAGE_ENDPOINT_URL": endpoint,
        "STORAGE_REGION": "ap-northeast-1",
        "STORAGE_TIMEOUT": timeout,
        "MEDIA_ROOT": str(media),  # must stay empty
        "SECRET_KEY": settings.SECRET_KEY,  # the servers read the test's staff session
    }


@pytest.mark.django_db(transaction=True)
def test_a_document_uploaded_through_one_app_server_is_served_by_the_other(
    gunicorn_server, chief_client, s3_endpoint, bucket, tmp_path
):
    s3, bucket_name = bucket
    first = gunicorn_server(1, 2, **server_env(s3_endpoint, bucket_name, tmp_path / "first"))
    second = gunicorn_server(1, 2, **server_env(s3_endpoint, bucket_name, tmp_path / "second"))

    status, body, headers = upload(first, chief_client, "共有の資料")

    assert status == 302, body[:2000]
    document = Document.objects.get(title_ja="共有の資料")
    assert stored_keys(s3, bucket_name) == [f"media/{document.file.name}"]
    status, served, headers, _took = fetch_bytes(second + document.href)
    assert status == 200
    assert served == PDF
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == 'inline; filename="keikaku.pdf"'
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"].startswith("sandbox")
    assert not list(tmp_path.rglob("*.pdf"))  # neither server kept it on its disk


@pytest.mark.django_db(transaction=True)
def test_a_storage_that_refuses_or_hangs_leaves_no_document_and_a_delete_removes_the_object(
    gunicorn_server, chief_client, s3_endpoint, bucket, tmp_path
):
    s3, bucket_name = bucket
    proxy = TcpProxy("127.0.0.1", int(s3_endpoint.rsplit(":", 1)[1]))
    proxy_url = f"http://127.0.0.1:{proxy.port}"
    base = gunicorn_server(1, 2, **server_env(proxy_url, bucket_name, tmp_path, timeout="1"))
    try:
        for mode in ("refuse", "hang"):
            proxy.set_mode(mode)
            status, body, _headers = upload(base, chief_client, f"失敗する資料 {mode}", timeout=30)
            assert status == 503, body[:2000]
            assert "アップロードファイルの保存先から応答がありませんでした" in body
            assert "ファイルも他の変更も保存されていません" in body
            assert "Traceback" not in body
            assert not Document.objects.filter(title_ja__startswith="失敗する資料").exists()
            assert stored_keys(s3, bucket_name) == []  # nothing half-stored
            assert not list(tmp_path.rglob("*.pdf"))

        proxy.set_mode("forward")
        status, body, _headers = upload(base, chief_client, "消す資料")
        assert status == 302, body[:2000]
        document = Document.objects.get(title_ja="消す資料")
        assert stored_keys(s3, bucket_name) == [f"media/{document.file.name}"]
        # A reader asking for it while the storage refuses gets the "try again" page.
        proxy.set_mode("refuse")
        status, body, headers, _took = fetch_bytes(base + document.href)
        assert status == 503 and headers["Retry-After"] == "30"
        assert "一時的にご利用いただけません" in body.decode() and b"Traceback" not in body
        proxy.set_mode("forward")
        assert fetch_bytes(base + document.href)[1] == PDF
        delete_url = reverse("admin:pages_document_delete", args=[document.pk])
        status, body, _headers = admin_post(base, chief_client, delete_url, {"post": "yes"})
        assert status == 302, body[:2000]
        assert not Document.objects.filter(pk=document.pk).exists()
        assert stored_keys(s3, bucket_name) == []
    finally:
        proxy.close()
