"""A database whose network freezes (no reset: the TCP connection stays open
and nothing comes back) under a running gunicorn: pages that need the
database give the friendly 503 within a few seconds, cached pages are served
as before, /healthz says so quickly, and the site recovers by itself once the
network forwards again (shinjuku_mynumber/postgresql/, db_watchdog.py)."""

import socket
import time

import pytest
from django.db import connection
from live_servers import TcpProxy, fetch, wait_until

from shinjuku_mynumber import db_watchdog

pytestmark = pytest.mark.django_db(transaction=True)

CACHED = "/ja/sections/privacy/"
UNCACHED = "/en/sections/benefits/"


def test_frozen_database_gives_503_quickly_and_recovers(gunicorn_server):
    db = connection.settings_dict
    proxy = TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    # One worker, so its page cache is the one we warm.
    base = gunicorn_server(
        workers=1,
        threads=4,
        DATABASE_URL=f"postgresql://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
    )
    try:
        for _ in range(2):  # the first render learns the page's tags, the second is stored
            assert fetch(base + CACHED)[0] == 200
        assert fetch(base + "/healthz")[0] == 200

        proxy.set_mode("hang")  # the open connections stay open and silent
        status, body, headers, took = fetch(base + UNCACHED, timeout=30)
        assert status == 503, body[:500]
        assert "temporarily unavailable" in body
        assert "Traceback" not in body
        assert headers["Retry-After"] == "30"
        assert took <= 5, f"the 503 page took {took:.1f} s"

        status, body, _headers, took = fetch(base + CACHED, timeout=30)
        assert status == 200
        assert "個人情報の保護" in body
        assert took < 1, f"a cached page took {took:.1f} s"

        status, body, _headers, took = fetch(base + "/healthz", timeout=30)
        assert status == 503
        assert '"database": "unavailable"' in body
        assert took <= 5, f"/healthz took {took:.1f} s"
        # New connections reach the frozen proxy too: limited by connect_timeout.
        time.sleep(2.5)
        status, _body, _headers, took = fetch(base + UNCACHED, timeout=30)
        assert status == 503
        assert took <= 5, f"the 503 page took {took:.1f} s on a new connection"

        proxy.set_mode("forward")
        # No restart: the next requests connect afresh.
        assert wait_until(lambda: fetch(base + "/healthz")[0] == 200, seconds=15)
        assert wait_until(lambda: fetch(base + UNCACHED)[0] == 200, seconds=5)
    finally:
        gunicorn_server.stop(base)
        proxy.close()
        # The proxy's connections from before the freeze may outlive it; the
        # test database is dropped at the end, which other sessions prevent.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


def test_watchdog_cuts_a_wait_that_lasts_too_long():
    """The client-side limit on its own: a socket whose peer never answers."""
    ours, theirs = socket.socketpair()
    try:
        start = time.monotonic()
        with db_watchdog.time_limit(ours.fileno(), 0.3, down_seconds=1):
            assert ours.recv(1) == b"", "the wait ends as on a closed connection"
        assert 0.3 <= time.monotonic() - start < 2
        assert db_watchdog.is_down()
        assert wait_until(lambda: not db_watchdog.is_down(), seconds=3)
        # A wait that ends in time is left alone.
        with db_watchdog.time_limit(ours.fileno(), 1, down_seconds=1):
            pass
        time.sleep(1.3)
        assert not db_watchdog.is_down()
    finally:
        ours.close()
        theirs.close()
