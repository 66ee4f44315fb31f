"""The site's own error pages, in the visitor's language, never a stack trace."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from shinjuku_mynumber import views

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "status", "title"),
    [
        ("en", 400, "Bad request"),
        ("en", 403, "Access denied"),
        ("en", 404, "Page not found"),
        ("en", 429, "Too many requests"),
        ("en", 500, "Something went wrong"),
        ("en", 503, "Service temporarily unavailable"),
        ("ja", 404, "ページが見つかりません"),
        ("ko", 500, None),
    ],
)
def test_error_page_in_the_visitors_language(language, status, title):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = views.error_for(request, status)
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html
    assert response["Cache-Control"] == "no-store"
    if title:
        assert f"<h1>{title}</h1>" in html
    if language != "en":
        assert "Something went wrong" not in html and "Page not found" not in html
    for leak in ("Traceback", "SECRET_KEY", "DATABASES", "settings.py"):
        assert leak not in html


def test_unknown_page_is_the_sites_404_in_its_language(client, content):
    response = client.get("/ko/sections/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ko"' in html
    assert 'class="skip-link"' in html


def test_bad_host_header_gets_the_sites_400(content):
    response = Client(HTTP_HOST="evil.example", raise_request_exception=False).get("/ja/")
    assert response.status_code == 400
    assert "<h1>" in response.content.decode()


def test_admin_login_without_csrf_token_gets_the_sites_403(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ja"' in html
    assert "CSRF" not in html


def test_server_error_renders_without_the_database(content, django_assert_num_queries):
    request = RequestFactory().get("/en/")
    with translation.override("en"), django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
