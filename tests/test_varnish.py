"""Varnish (deploy/varnish/default.vcl) in front of live gunicorn servers on
PostgreSQL and Redis: it caches, staff edits purge it by tag at once, the tag
header never reaches the client, and it keeps serving when the site is down.
Two app servers share one truth."""

import os
import time
import urllib.parse
import uuid

import pytest
from django.conf import settings
from live_servers import admin_save, fetch, free_port, varnish, wait_until

from pages.models import Section

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = "/ja/sections/privacy/"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def port_of(base):
    return urllib.parse.urlsplit(base).port


def app_env(purge_url, **extra):
    return {
        "REDIS_URL": REDIS_URL,
        "RELEASE": extra.pop("RELEASE"),
        "CDN_PURGE_URLS": purge_url,
        "SECRET_KEY": settings.SECRET_KEY,  # it reads the test's staff session
        **extra,
    }


def test_varnish_caches_is_purged_on_edit_hides_tags_and_serves_in_grace(
    gunicorn_server, chief_client
):
    varnish_port = free_port()
    release = f"test-{uuid.uuid4().hex[:8]}"
    # Pages kept 3 s, so that the grace period is what serves them below.
    base = gunicorn_server(
        workers=1,
        threads=4,
        **app_env(f"http://127.0.0.1:{varnish_port}/", RELEASE=release, PAGE_CACHE_SECONDS="3"),
    )
    with varnish(port_of(base), port=varnish_port) as front:
        first = fetch(front + PAGE)
        second = fetch(front + PAGE)
        assert first[0] == second[0] == 200
        assert second[2]["X-Cache"] == "HIT"
        assert second[1] == first[1]
        for response in (first, second):
            assert "Surrogate-Key" not in response[2] and "xkey" not in response[2]

        # A staff edit (through Varnish, as staff work) is visible through it at once.
        admin_save(front, chief_client, Section.objects.get(slug="privacy"), title_ja="新しい題")
        fresh = fetch(front + PAGE)
        assert fresh[0] == 200 and "新しい題" in fresh[1]

        # The site goes down; Varnish keeps serving the page past its lifetime.
        assert "新しい題" in fetch(front + PAGE)[1]
        gunicorn_server.stop(base)
        with pytest.raises(OSError):
            fetch(base + PAGE, timeout=2)
        time.sleep(4)  # past s-maxage=3
        stale = fetch(front + PAGE)
        assert stale[0] == 200 and "新しい題" in stale[1]


def test_two_app_servers_share_one_truth_with_varnish_in_front(gunicorn_server, chief_client):
    varnish_port = free_port()
    release = f"test-{uuid.uuid4().hex[:8]}"
    env = app_env(f"http://127.0.0.1:{varnish_port}/", RELEASE=release)
    one = gunicorn_server(workers=1, threads=2, **env)
    two = gunicorn_server(workers=1, threads=2, **env)
    with varnish(port_of(one), port=varnish_port) as front:
        for base in (one, two, front, one, two, front, one, two, front):
            assert "個人情報の保護" in fetch(base + PAGE)[1]
        admin_save(two, chief_client, Section.objects.get(slug="privacy"), title_ja="二台目で編集")
        for base in (one, two, front):
            assert "二台目で編集" in fetch(base + PAGE)[1], base
        assert wait_until(lambda: fetch(front + PAGE)[2]["X-Cache"] == "HIT", seconds=5)
