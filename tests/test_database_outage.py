"""Stop and start the real PostgreSQL server: the site says so, keeps serving
cached pages, shows the friendly 503 elsewhere, and recovers by itself.

Runs only against a local PostgreSQL that this machine controls
(`pg_ctlcluster`), as in CI.
"""

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [pytest.mark.dbserver, pytest.mark.django_db(transaction=True)]


def local_cluster():
    if connection.vendor != "postgresql" or not shutil.which("pg_ctlcluster"):
        return None
    if connection.settings_dict["HOST"] not in {"127.0.0.1", "localhost", ""}:
        return None
    versions = sorted(Path("/etc/postgresql").glob("*/main"))
    return versions[-1].parent.name if versions else None


def pg_ctl(version, action):
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action, "-m", "fast"]
        if action == "stop"
        else ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        timeout=60,
    )


def wait_until(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def cluster():
    version = local_cluster()
    if version is None:
        pytest.skip("needs a local PostgreSQL cluster controlled by pg_ctlcluster")
    yield version
    # Whatever happened, leave the server running for the rest of the suite.
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
        pg_ctl(version, "start")


def server_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0


def test_site_survives_and_recovers_from_a_database_restart(client, content, cluster):
    # Warm the page cache while the database is up.
    assert client.get("/ja/sections/privacy/").status_code == 200
    assert client.get("/healthz").status_code == 200
    client.raise_request_exception = False

    pg_ctl(cluster, "stop")
    try:
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["database"] == "unavailable"

        cached = client.get("/ja/sections/privacy/")
        assert cached.status_code == 200
        assert "個人情報の保護" in cached.content.decode()

        uncached = client.get("/en/sections/benefits/")
        assert uncached.status_code == 503
        html = uncached.content.decode()
        assert "temporarily unavailable" in html
        assert "Traceback" not in html
        assert uncached["Retry-After"] == "30"
    finally:
        pg_ctl(cluster, "start")
    assert wait_until(server_ready)

    # No restart of the site: the next requests reconnect by themselves.
    assert wait_until(lambda: client.get("/healthz").status_code == 200)
    assert client.get("/en/sections/benefits/").status_code == 200
