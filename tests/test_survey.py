"""The page survey: one click in any language, nothing personal kept, no floods."""

import json
import re
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from pages.survey.models import PageFeedback
from pages.survey.redaction import PLACEHOLDER

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
ANSWER = {"page": "/sections/privacy/", "useful": "yes", "findable": "hard", "comment": ""}


def post(client, data=None, language="ja", json_reply=False, **headers):
    headers.setdefault("HTTP_ORIGIN", ORIGIN)
    if json_reply:
        headers["HTTP_ACCEPT"] = "application/json"
    return client.post(f"/{language}/survey/", ANSWER if data is None else data, **headers)


# --- Answering -------------------------------------------------------------


def test_answer_without_javascript_stores_one_row_and_thanks_in_same_language(client, content):
    response = post(client, {**ANSWER, "comment": "分かりやすい"}, language="en")

    assert response.status_code == 303
    assert response["Location"] == "/en/survey/thanks/?page=%2Fsections%2Fprivacy%2F"
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.language, answer.useful, answer.findable, answer.comment) == (
        "/sections/privacy/",
        "en",
        "yes",
        "hard",
        "分かりやすい",
    )
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert '<html lang="en"' in html
    assert 'href="/en/sections/privacy/"' in html
    assert "data-survey" not in html  # no survey about the thank-you page


def test_answer_with_javascript_gets_json(client, content):
    response = post(client, {"page": "/", "findable": "easy"}, language="ko", json_reply=True)

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["message"]
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.language, answer.useful, answer.findable) == ("/", "ko", "", "easy")


def test_one_question_is_enough(client, content):
    assert post(client, {"page": "/", "useful": "neutral"}).status_code == 303
    assert PageFeedback.objects.get().findable == ""


def test_comment_of_500_characters_with_windows_line_breaks_is_accepted(client, content):
    comment = ("あ" * 99 + "\r\n") * 5  # 500 characters as the browser counts them
    assert post(client, {**ANSWER, "comment": comment}).status_code == 303
    assert PageFeedback.objects.get().comment == comment.replace("\r\n", "\n").strip()


def test_comment_is_redacted_before_it_is_stored(client, content):
    comment = "番号は1234 5678 9018、電話は03-1234-5678、メールはtaro@example.comです。123456789012"
    assert post(client, {**ANSWER, "comment": comment}).status_code == 303
    stored = PageFeedback.objects.get().comment
    assert stored == (
        f"番号は{PLACEHOLDER}、電話は{PLACEHOLDER}、メールは{PLACEHOLDER}です。{PLACEHOLDER}"
    )


def test_nothing_about_the_visitor_is_stored(client, content):
    post(client, ANSWER, HTTP_USER_AGENT="Secret-Agent/1.0", REMOTE_ADDR="203.0.113.9")
    fields = {f.name for f in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "language", "useful", "findable", "comment", "created"}
    values = PageFeedback.objects.values_list().get()
    assert not any("203.0.113.9" in str(v) or "Secret-Agent" in str(v) for v in values)


# --- Bad input: 400, nothing stored -----------------------------------------

BAD_ANSWERS = {
    "no page": {"useful": "yes"},
    "unknown page": {**ANSWER, "page": "/no-such-page/"},
    "unknown section": {**ANSWER, "page": "/sections/no-such-thing/"},
    "not a public page": {**ANSWER, "page": "/survey/thanks/"},
    "another site": {**ANSWER, "page": "//evil.example/"},
    "absolute URL": {**ANSWER, "page": "https://evil.example/"},
    "with language prefix": {**ANSWER, "page": "/ja/sections/privacy/"},
    "query string": {**ANSWER, "page": "/?next=https://evil.example/"},
    "unknown choice": {**ANSWER, "useful": "very"},
    "choice of the other question": {**ANSWER, "findable": "yes"},
    "no answer and no comment": {"page": "/", "comment": "  \n "},
    "comment too long": {**ANSWER, "comment": "あ" * 501},
    "null character": {**ANSWER, "comment": "a\x00b"},
}


@pytest.mark.parametrize("data", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_bad_answer_is_refused_with_a_readable_page(client, content, data):
    response = post(client, data, language="en")

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert 'class="error-message"' in html
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize("data", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_bad_answer_is_refused_with_json_errors(client, content, data):
    response = post(client, data, json_reply=True)

    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert all(isinstance(m, str) and m for ms in body["errors"].values() for m in ms)
    assert PageFeedback.objects.count() == 0


def test_specific_messages(client, content):
    errors = post(client, {"page": "/"}, json_reply=True).json()["errors"]
    assert errors == {"__all__": ["質問にお答えいただくか、ご意見をご記入ください。"]}
    errors = post(client, {**ANSWER, "comment": "x" * 501}, json_reply=True).json()["errors"]
    assert list(errors) == ["comment"]
    assert "500" in errors["comment"][0]


def test_error_page_links_back_to_a_valid_page_only(client, content):
    html = post(client, {**ANSWER, "useful": "very"}).content.decode()
    assert 'href="/ja/sections/privacy/"' in html
    html = post(client, {**ANSWER, "page": "//evil.example/"}).content.decode()
    assert "evil.example" not in html


def test_oversized_body_is_refused(client, content):
    response = post(client, {**ANSWER, "comment": "x" * 20_000})
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--x\r\nbroken", "multipart/form-data"),  # no boundary
        (b"--x\r\nContent-Disposition: form-data\r\n\r\n", "multipart/form-data; boundary=x"),
        (b'{"page": "/", "useful": "yes"}', "application/json"),
        (b"page=%2F&useful=yes&" + b"a=1&" * 1100, "application/x-www-form-urlencoded"),
    ],
    ids=["no boundary", "broken multipart", "json body", "too many fields"],
)
def test_malformed_body_is_refused(client, content, body, content_type):
    response = client.generic(
        "POST", "/ja/survey/", body, content_type=content_type, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_invalid_content_length_is_refused(client, content):
    response = client.generic(
        "POST",
        "/ja/survey/",
        b"page=%2F&useful=yes",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN=ORIGIN,
        CONTENT_LENGTH="lots",
    )
    assert response.status_code == 400


def test_get_is_not_allowed(client, content):
    assert client.get("/ja/survey/").status_code == 405


# --- Cross-site requests ----------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_REFERER": "http://testserver/ja/"},
        {"HTTP_REFERER": "https://evil.example/ja/"},
        {"HTTP_REFERER": "not a url"},
        {},  # neither Origin nor Referer
    ],
    ids=["origin", "lookalike", "null", "origin wins", "referer", "garbage", "none"],
)
def test_cross_site_request_is_refused(client, content, headers):
    response = client.post("/ja/survey/", ANSWER, **headers)
    assert response.status_code == 403
    assert PageFeedback.objects.count() == 0


def test_same_site_referer_is_enough_without_origin(client, content):
    response = client.post(
        "/ja/survey/", ANSWER, HTTP_REFERER="http://testserver/ja/sections/privacy/"
    )
    assert response.status_code == 303
    assert PageFeedback.objects.count() == 1


@override_settings(ALLOWED_HOSTS=["www.example.jp", "testserver"])
def test_origin_of_another_allowed_host_is_accepted(client, content):
    assert post(client, HTTP_ORIGIN="https://www.example.jp").status_code == 303


def test_http_origin_is_refused_on_https(client, content):
    response = post(client, HTTP_ORIGIN="http://testserver", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 403


def test_cross_site_refusal_is_json_for_the_script(client, content):
    response = post(client, json_reply=True, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert response.json()["ok"] is False


# --- Bots and floods --------------------------------------------------------


def test_honeypot_answer_looks_accepted_but_is_not_stored(client, content):
    response = post(client, {**ANSWER, "website": "http://spam.example"})
    assert response.status_code == 303
    assert PageFeedback.objects.count() == 0
    response = post(client, {**ANSWER, "website": "spam"}, json_reply=True)
    assert response.json()["ok"] is True
    assert PageFeedback.objects.count() == 0


@override_settings(SURVEY_RATE_LIMIT="3/10m")
def test_rate_limit_per_address(client, content):
    for _ in range(3):
        assert post(client, REMOTE_ADDR="198.51.100.7").status_code == 303

    refused = post(client, language="en", REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    html = refused.content.decode()
    assert '<html lang="en"' in html
    assert "Please wait a few minutes" in html
    assert PageFeedback.objects.count() == 3

    # Another address is not affected; the JSON reply says why.
    assert post(client, REMOTE_ADDR="198.51.100.8").status_code == 303
    refused = post(client, json_reply=True, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert refused.json()["ok"] is False


@override_settings(SURVEY_RATE_LIMIT="3/10m")
def test_rate_limit_counts_only_stored_answers(client, content):
    """Ten bad posts from a shared address must not lock the office out."""
    office = {"REMOTE_ADDR": "198.51.100.7"}
    for _ in range(10):
        assert post(client, {**ANSWER, "useful": "", "findable": ""}, **office).status_code == 400
        assert post(client, {**ANSWER, "website": "spam"}, **office).status_code == 303
    for _ in range(3):
        assert post(client, **office).status_code == 303
    assert PageFeedback.objects.count() == 3
    assert post(client, **office).status_code == 429
    assert PageFeedback.objects.count() == 3


@override_settings(SURVEY_RATE_LIMIT="10/10m", SURVEY_PAGE_RATE_LIMIT="2/10m")
def test_rate_limit_per_address_and_page_and_overall(client, content):
    address = {"REMOTE_ADDR": "198.51.100.7"}
    assert post(client, **address).status_code == 303
    assert post(client, **address).status_code == 303
    assert post(client, **address).status_code == 429  # this page, from this address
    home = {**ANSWER, "page": "/"}
    assert post(client, home, **address).status_code == 303  # another page still answers
    assert post(client, REMOTE_ADDR="198.51.100.8").status_code == 303


@override_settings(SURVEY_RATE_LIMIT="2/10m", PROXY_COUNT=1)
def test_rate_limit_behind_a_proxy_counts_the_client_not_the_proxy(client, content):
    def via_proxy(forwarded):
        return post(client, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert via_proxy("198.51.100.7").status_code == 303
    assert via_proxy("198.51.100.7").status_code == 303
    # Rotating a forged X-Forwarded-For in front of the proxy's entry buys nothing.
    for n in range(5):
        assert via_proxy(f"192.0.2.{n}, 198.51.100.7").status_code == 429
    # Other visitors behind the same proxy have their own allowance.
    assert via_proxy("198.51.100.8").status_code == 303


@override_settings(SURVEY_RATE_LIMIT="2/10m")
def test_rate_limit_counts_ipv6_per_network(client, content):
    assert post(client, REMOTE_ADDR="2001:db8::1").status_code == 303
    assert post(client, REMOTE_ADDR="2001:db8::2").status_code == 303
    assert post(client, REMOTE_ADDR="2001:db8::3").status_code == 429
    assert post(client, REMOTE_ADDR="2001:db8:1::1").status_code == 303


@override_settings(SURVEY_RATE_LIMIT="1/10m")
def test_rate_limit_keeps_no_address_in_the_cache(client, content, settings):
    # Local memory, whose keys the test can list, whatever REDIS_URL says.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    post(client, REMOTE_ADDR="198.51.100.7")
    keys = [key for key in cache._cache if "ratelimit" in key]
    assert keys
    assert not any("198.51.100.7" in key for key in keys)


# --- The form on every page -------------------------------------------------


def public_urls():
    from django.urls import reverse

    from pages.models import Section

    return [reverse("pages:home")] + [s.get_absolute_url() for s in Section.objects.published()]


def test_every_public_page_has_the_survey_and_sets_no_cookie(client, content):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        html = response.content.decode()
        assert 'action="/ja/survey/"' in html, url
        page = url.removeprefix("/ja")
        assert f'<input type="hidden" name="page" value="{page}">' in html, url
        assert "csrfmiddlewaretoken" not in html, url


def test_survey_form_is_accessible_and_has_no_inline_script(client, content):
    html = client.get("/en/sections/privacy/").content.decode()
    survey = html[
        html.index('<section class="survey"') : html.index(
            "</section>", html.index('<section class="survey"')
        )
    ]

    assert survey.count("<fieldset") == 2
    assert survey.count("<legend>") == 2
    assert "Was the information on this page useful?" in survey
    assert "Was this page easy to find?" in survey
    radio_ids = re.findall(r'<input type="radio" id="([^"]+)"', survey)
    assert len(radio_ids) == 6
    for radio_id in [*radio_ids, "survey-comment"]:
        assert f'<label for="{radio_id}"' in survey
    assert 'maxlength="500"' in survey
    assert 'aria-describedby="survey-comment-hint"' in survey
    assert "personal information" in survey
    assert 'href="https://www.city.shinjuku.lg.jp/kusei/"' in survey
    assert re.search(r'<div class="visually-hidden" aria-hidden="true">', survey)
    assert re.search(r'name="website"[^>]*tabindex="-1"[^>]*autocomplete="off"', survey)
    assert 'role="status"' in survey
    # Only external scripts, and no inline styles: the CSP forbids both.
    assert re.search(r'<script src="/static/js/survey.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " style=" not in html


def test_answering_sets_no_cookie(client, content):
    assert not post(client).cookies
    assert not post(client, json_reply=True).cookies


def test_thanks_page_never_links_off_site(client, content):
    for target in ["//evil.example/", "https://evil.example/", "/\\evil.example"]:
        html = client.get("/ja/survey/thanks/", {"page": target}).content.decode()
        assert "evil.example" not in html


def test_static_script_is_served(client):
    response = client.get("/static/js/survey.js")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "application/json" in body


# --- Concurrency ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@override_settings(SURVEY_RATE_LIMIT="1000/1m")
def test_concurrent_answers_are_never_lost(content):
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite (in-memory) cannot share its database across threads; runs on PostgreSQL in CI"
        )
    threads, per_thread, errors = 8, 10, []

    def answer(n):
        from django.db import connections

        thread_client = Client(HTTP_ORIGIN=ORIGIN, HTTP_ACCEPT="application/json")
        try:
            for i in range(per_thread):
                response = thread_client.post(
                    "/ja/survey/",
                    {**ANSWER, "comment": json.dumps([n, i])},
                    REMOTE_ADDR=f"192.0.2.{n}",
                )
                if response.status_code != 200:
                    errors.append(response.status_code)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=answer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    assert PageFeedback.objects.count() == threads * per_thread
    assert PageFeedback.objects.values("comment").distinct().count() == threads * per_thread


# A name Python knows as a codec but not as a text encoding ends in LookupError.
@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib"])
def test_multipart_post_with_an_unknown_charset_is_a_400(client, content, charset):
    body = (
        b"--BOUNDARY\r\n"
        b'Content-Disposition: form-data; name="page"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
        b"/sections/privacy/\r\n"
        b"--BOUNDARY\r\n"
        b'Content-Disposition: form-data; name="useful"\r\n\r\n'
        b"yes\r\n"
        b"--BOUNDARY--\r\n"
    )
    content_type = f"multipart/form-data; boundary=BOUNDARY; charset={charset}"
    # generic(): post() would itself try to encode the body in that charset.
    response = client.generic(
        "POST", "/ja/survey/", body, content_type=content_type, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0
