"""The page cache under faults, against live gunicorn servers on PostgreSQL:
Redis refusing or hanging behind a TCP proxy the test controls, and several
workers sharing the default (file) cache without Redis."""

import os
import urllib.parse
import uuid

import pytest
from django.conf import settings
from live_servers import TcpProxy, admin_save, fetch, wait_until

from pages.models import Section
from pages.survey.models import PageFeedback
from shinjuku_mynumber.publishing import Status

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = "/ja/sections/privacy/"
REDIS = urllib.parse.urlsplit(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4"))


def survey_answer(base):
    data = urllib.parse.urlencode(
        {"page": "/sections/privacy/", "useful": "yes", "findable": "easy", "comment": ""}
    ).encode()
    headers = {"Origin": base, "Content-Type": "application/x-www-form-urlencoded"}
    return fetch(f"{base}/ja/survey/", method="POST", headers=headers, data=data)


@pytest.fixture
def redis_proxy():
    proxy = TcpProxy(REDIS.hostname, REDIS.port or 6379)
    yield proxy
    proxy.close()


def test_redis_refusing_or_hanging_never_takes_the_site_down(
    gunicorn_server, redis_proxy, chief_client
):
    base = gunicorn_server(
        workers=1,
        threads=4,
        REDIS_URL=f"redis://127.0.0.1:{redis_proxy.port}{REDIS.path or '/4'}",
        RELEASE=f"test-{uuid.uuid4().hex[:8]}",  # a namespace of this test's own
        SECRET_KEY=settings.SECRET_KEY,  # it reads the test's staff session
    )
    urls = [PAGE, "/ja/", "/en/sections/about/", "/api/v1/locations", "/admin/login/"]
    for _ in range(3):  # warm: first renders (imports, holiday tables) are slow
        for url in urls:
            assert fetch(base + url)[0] == 200
    assert fetch(f"{base}/healthz")[1].count('"status": "ok"') == 1

    for mode in ["refuse", "hang"]:
        redis_proxy.set_mode(mode)
        for url in urls:
            status, _body, _headers, took = fetch(base + url)
            assert status == 200, (mode, url)
            assert took < 2, (mode, url, took)
        health = fetch(f"{base}/healthz")
        assert health[0] == 200 and '"degraded"' in health[1], (mode, health)
        # Saves work: a survey answer (its rate limit cannot count: let through)...
        before = PageFeedback.objects.count()
        assert survey_answer(base)[0] in (200, 303), mode
        assert PageFeedback.objects.count() == before + 1
        # ...and a staff edit through the admin, shown at once.
        title = f"見出し {mode}"
        admin_save(base, chief_client, Section.objects.get(slug="privacy"), title_ja=title)
        assert title in fetch(base + PAGE)[1]

    redis_proxy.set_mode("forward")
    assert wait_until(lambda: '"status": "ok"' in fetch(f"{base}/healthz")[1], seconds=15)
    # Back to caching, and the edits made while Redis was away are on the page.
    assert wait_until(lambda: "見出し hang" in fetch(base + PAGE)[1])


def test_several_workers_without_redis_never_serve_a_stale_page(
    gunicorn_server, chief_client, tmp_path
):
    base = gunicorn_server(
        workers=2, threads=2, CACHE_DIR=str(tmp_path / "cache"), SECRET_KEY=settings.SECRET_KEY
    )
    for _ in range(12):  # both workers have rendered and cached it
        assert fetch(f"{base}/ja/sections/pia/")[0] == 200
    admin_save(base, chief_client, Section.objects.get(slug="pia"), status=Status.DRAFT)
    for _ in range(12):
        assert fetch(f"{base}/ja/sections/pia/")[0] == 404
