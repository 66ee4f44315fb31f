"""The page cache: what it serves, to whom, under which key, and what it
tells shared caches (red-team findings: bypass, Host poisoning, races, API)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Section
from pages.views import SectionView

pytestmark = pytest.mark.django_db

PAGE = "/ja/sections/privacy/"


def warm(client, url, **extra):
    """The first render records the page's tags, the second is stored."""
    for _ in range(2):
        assert client.get(url, **extra).status_code == 200


def from_cache(client, url, **extra):
    """(response, whether it was answered without a render: no query at all)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, not captured.captured_queries


@pytest.fixture
def staff(client, content):
    user = get_user_model().objects.create_user("staff", password="x" * 16, is_staff=True)
    client.force_login(user)
    return client


def test_a_junk_session_cookie_is_served_from_the_cache(client, content):
    warm(client, PAGE)
    client.cookies["sessionid"] = "not-a-session"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(PAGE)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    # The session lookup, no render.
    assert len(captured.captured_queries) == 1, captured.captured_queries


def test_a_staff_session_bypasses_the_cache_and_is_private(staff):
    warm(staff, PAGE)
    response, cached = from_cache(staff, PAGE)
    assert not cached
    assert "private" in response["Cache-Control"]
    assert "Surrogate-Key" not in response


def test_unknown_query_strings_cost_no_render(client, content):
    warm(client, PAGE)
    plain = client.get(PAGE)
    for query in ["?utm_source=x", "?a=1&b=2", "?fbclid=zzz"]:
        response, cached = from_cache(client, PAGE + query)
        assert cached, query
        assert response.content == plain.content


def test_a_query_a_view_reads_is_rendered(client, content):
    warm(client, "/api/v1/locations")
    first, cached = from_cache(client, "/api/v1/locations?at=2026-01-03T12:00:00%2B09:00")
    assert not cached
    assert first.json()["at"].startswith("2026-01-03T12:00")


def test_an_edit_during_a_render_never_leaves_the_old_page_cached(client, content, monkeypatch):
    warm(client, PAGE)
    client.get(PAGE.replace("privacy", "about"))  # record its route
    section = Section.objects.get(slug="about")
    old_title = section.title_ja
    original = SectionView.get_context_data

    def slow_render(self, **kwargs):
        # The page's data is read; staff save a new title before it is stored.
        context = original(self, **kwargs)
        Section.objects.filter(pk=section.pk).update(title_ja="新しい見出し")
        fresh = Section.objects.get(pk=section.pk)
        fresh.save()  # signals: invalidation, as the admin does it
        return context

    monkeypatch.setattr(SectionView, "get_context_data", slow_render)
    old = client.get("/ja/sections/about/").content.decode()
    assert f"<h1>{old_title}</h1>" in old  # rendered from the data read before the edit
    monkeypatch.setattr(SectionView, "get_context_data", original)
    assert "新しい見出し" in client.get("/ja/sections/about/").content.decode()


def test_a_forged_host_never_changes_what_others_are_served(client, content, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.SITE_URL = ""
    for _ in range(4):
        poisoned = client.get("/ko/", HTTP_HOST="localhost:6666")
        assert "localhost:6666" in poisoned.content.decode()  # its own answer only
    page = client.get("/ko/").content.decode()
    assert "localhost:6666" not in page
    assert 'href="http://testserver/ko/"' in page


def test_absolute_urls_come_from_site_url(client, content, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.SITE_URL = "https://mynumber.example.jp"
    for url in ["/ko/", "/ja/locations/yotsuya/", "/robots.txt"]:
        for _ in range(3):
            body = client.get(url, HTTP_HOST="localhost:6666").content.decode()
            assert "localhost" not in body, url
            assert "https://mynumber.example.jp/" in body, url
    csv = client.get("/opendata/locations.csv", HTTP_HOST="localhost:6666").content.decode()
    assert "localhost" not in csv and "https://mynumber.example.jp/ja/locations/" in csv


def test_a_host_that_is_not_allowed_gets_400_even_for_a_cached_page(client, content):
    warm(client, "/ja/")
    assert client.get("/ja/", HTTP_HOST="evil.example").status_code == 400


def test_the_tag_header_names_the_content_and_stays_inside_without_a_cdn(client, content, settings):
    response = client.get(PAGE)
    assert "Surrogate-Key" not in response
    settings.CDN_IN_FRONT = True
    warm(client, "/ja/sections/inquiries/")  # it shows the call centres, open now or not
    for _ in range(2):
        response = client.get("/ja/sections/inquiries/")
        assert set(response["Surrogate-Key"].split()) == {
            "nav",
            "desk",
            "section:inquiries",
            "call_centres",
            "banner",  # every page shows the emergency banner
        }
        assert "s-maxage=60" in response["Cache-Control"]
    settings.CACHE_TAG_HEADER = "Cache-Tag"
    assert client.get("/en/").headers["Cache-Tag"] == (
        "nav,desk,notices,locations,call_centres,banner"
    )


def test_error_answers_are_never_public(client, content):
    for url in ["/ja/sections/no-such/", "/api/v1/locations?at=yesterday"]:
        response = client.get(url)
        assert response.status_code in (400, 404)
        assert "public" not in response.get("Cache-Control", "")
        assert "Surrogate-Key" not in response


def test_the_api_names_its_language_whoever_asked_first(client, content):
    warm(client, "/api/v1/locations", HTTP_ACCEPT_LANGUAGE="ko")
    first = client.get("/api/v1/locations", HTTP_ACCEPT_LANGUAGE="ko")
    for language in ["en", "ko", "vi"]:
        response = client.get("/api/v1/locations", HTTP_ACCEPT_LANGUAGE=language)
        assert response["Content-Language"] == "ja"
        assert response.content == first.content
    assert client.head("/api/v1/locations").status_code == 200


def test_cache_errors_count_as_misses(client, content, settings):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "shinjuku_mynumber.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for url in ["/ja/", PAGE, "/api/v1/locations", "/admin/login/"]:
        assert client.get(url).status_code == 200, url
    section = Section.objects.get(slug="privacy")
    section.title_ja = "保存できる見出し"
    section.save()
    assert "保存できる見出し" in client.get(PAGE).content.decode()
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
