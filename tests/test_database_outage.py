"""Stop and start the real PostgreSQL server under a running gunicorn: the
site says so, keeps serving cached pages, shows the friendly 503 elsewhere,
and recovers by itself without a restart.

Runs only against a local PostgreSQL that this machine controls
(`pg_ctlcluster`), as in CI.
"""

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [pytest.mark.dbserver, pytest.mark.django_db(transaction=True)]


def pg_ctl(version, action):
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        timeout=90,
    )


def server_ready():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0


def wait_until(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def fetch(url):
    """(status, body, headers) without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


@pytest.fixture
def cluster():
    versions = sorted(Path("/etc/postgresql").glob("*/main"))
    local = connection.settings_dict["HOST"] in {"127.0.0.1", "localhost", ""}
    if connection.vendor != "postgresql" or not shutil.which("pg_ctlcluster") or not local:
        pytest.skip("needs a local PostgreSQL cluster controlled by pg_ctlcluster")
    if not versions:
        pytest.skip("no PostgreSQL cluster configuration found")
    version = versions[-1].parent.name
    yield version
    # Whatever happened, leave the server running and this process reconnected.
    if not server_ready():
        pg_ctl(version, "start")
        wait_until(server_ready)
    connection.close()


def test_site_survives_and_recovers_from_a_database_restart(gunicorn_server, cluster):
    # One worker, so its page cache is the one we warm.
    base = gunicorn_server(workers=1, threads=4)
    # The first render learns the page's tags, the second is stored.
    for _ in range(2):
        assert fetch(f"{base}/ja/sections/privacy/")[0] == 200
    assert fetch(f"{base}/healthz")[0] == 200

    connection.close()  # this test process's own connection, before the server goes
    pg_ctl(cluster, "stop")
    try:
        status, body, _headers = fetch(f"{base}/healthz")
        assert status == 503
        assert '"database": "unavailable"' in body

        status, body, _headers = fetch(f"{base}/ja/sections/privacy/")
        assert status == 200, "a cached page is still served"
        assert "個人情報の保護" in body

        status, body, headers = fetch(f"{base}/en/sections/benefits/")
        assert status == 503
        assert "temporarily unavailable" in body
        assert "Traceback" not in body
        assert headers["Retry-After"] == "30"
    finally:
        pg_ctl(cluster, "start")
    assert wait_until(server_ready)

    # No restart of the site: it reconnects by itself.
    assert wait_until(lambda: fetch(f"{base}/healthz")[0] == 200, seconds=30)
    assert fetch(f"{base}/en/sections/benefits/")[0] == 200
