"""Security and caching headers; no cookies for anonymous visitors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/ja/", "/en/", "/ja/sections/privacy/", "/en/sections/benefits/"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_anonymous_page_views_set_no_cookie(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_are_cacheable_by_shared_caches(client, content, url):
    response = client.get(url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    max_age = int(next(p for p in cache_control if p.startswith("max-age=")).split("=")[1])
    s_maxage = int(next(p for p in cache_control if p.startswith("s-maxage=")).split("=")[1])
    assert 0 < max_age <= s_maxage
    assert response.has_header("ETag")
    assert response.has_header("Last-Modified")
    assert "Cookie" not in response.get("Vary", "")


def test_conditional_get_answers_304(client, content):
    first = client.get("/ja/sections/privacy/")
    again = client.get("/ja/sections/privacy/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/ja/sections/privacy/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_security_headers_on_every_response(client, content):
    for url in ["/ja/", "/healthz", "/ja/no-such-page/", "/admin/login/"]:
        response = client.get(url, secure=True)
        csp = response["Content-Security-Policy"]
        for directive in [
            "default-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
        ]:
            assert directive in csp, (url, csp)
        assert "unsafe-inline" not in csp
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_script_or_style(client, content):
    html = client.get("/ja/sections/mynapoint/").content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html


def test_root_redirects_by_accept_language(client, content):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko,en;q=0.5")["Location"] == "/ko/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/ja/"
    assert client.get("/")["Location"] == "/ja/"


def test_error_pages_are_the_sites_own(client, content):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Page not found" in html
    assert "Traceback" not in html


def test_sitemap_lists_every_page_in_every_language(client, content):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ["ja", "en", "zh-hans", "zh-hant", "ko", "vi", "ne", "my", "es", "pt-br"]:
        assert f"/{language}/sections/privacy/</loc>" in xml
        assert f'hreflang="{language}"' in xml
    assert 'hreflang="x-default"' in xml


def test_robots_and_favicon(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert client.get("/favicon.ico").status_code == 301


def test_cached_page_carries_the_same_headers(client, content):
    client.get("/en/sections/privacy/")  # records the page's tags
    client.get("/en/sections/privacy/")  # stored
    first = client.get("/en/sections/privacy/")
    again = client.get("/en/sections/privacy/")
    assert again.content == first.content
    for header in [
        "Content-Language",
        "X-Frame-Options",
        "Cache-Control",
        "ETag",
        "Last-Modified",
        "Content-Security-Policy",
        "Permissions-Policy",
    ]:
        assert again[header] == first[header], header


def test_query_strings_are_not_kept_in_the_page_cache(client, content, settings):
    # Local memory, whose keys the test can list, whatever REDIS_URL says.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    for number in range(4):
        client.get(f"/ja/sections/privacy/?utm={number}")
    assert len([key for key in cache._cache if "pagecache:page:" in key]) == 1


def test_a_location_edit_refreshes_exactly_the_pages_that_show_locations(client, content):
    from facilities.models import Location

    for _ in range(2):
        client.get("/ja/sections/privacy/")
        client.get("/ja/locations/")
    location = Location.objects.get(slug="yotsuya")
    location.name_ja = "四谷地域センター(改装中)"
    location.save()

    assert "(改装中)" in client.get("/ja/locations/").content.decode()
    with CaptureQueriesContext(connection) as captured:
        client.get("/ja/sections/privacy/")
    assert len(captured.captured_queries) == 0, "a page without locations stays cached"
