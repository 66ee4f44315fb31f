"""Property-based tests: random paths, query strings, headers and form
bodies thrown at every public endpoint and the survey never cause a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ENDPOINTS = [
    "/",
    "/ja/",
    "/en/sections/privacy/",
    "/ja/sections/mynapoint/",
    "/ja/locations/",
    "/en/contact/",
    "/api/v1/locations",
    "/opendata/locations.csv",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/ja/survey/thanks/",
]
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=80,
)
path_segments = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
    max_size=5,
)
header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


def assert_not_server_error(response, what):
    assert response.status_code < 500, (what, response.status_code)


@FUZZ
@given(prefix=st.sampled_from(["", "/ja", "/en", "/zh-hans", "/xx"]), segments=path_segments)
def test_random_paths(content, prefix, segments):
    path = prefix + "/" + "/".join(segments)
    response = Client(raise_request_exception=True).get(path)
    assert_not_server_error(response, path)


@FUZZ
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    query=st.dictionaries(texts, texts, max_size=4),
    accept_language=header_values,
    referer=header_values,
    if_none_match=header_values,
)
def test_random_query_strings_and_headers(
    content, endpoint, query, accept_language, referer, if_none_match
):
    response = Client(raise_request_exception=True).get(
        endpoint,
        query,
        HTTP_ACCEPT_LANGUAGE=accept_language,
        HTTP_REFERER=referer,
        HTTP_IF_NONE_MATCH=if_none_match,
    )
    assert_not_server_error(response, (endpoint, query))


@FUZZ
@given(
    language=st.sampled_from(["ja", "en", "ko"]),
    form=st.dictionaries(
        st.sampled_from(["page", "useful", "findable", "comment", "website", "other", texts]),
        texts,
        max_size=6,
    ),
    origin=st.sampled_from(["http://testserver", "https://evil.example", "", "null"]),
)
def test_random_survey_bodies(content, language, form, origin):
    url = f"/{language}/survey/"
    extra = {"HTTP_ORIGIN": origin} if origin else {}
    response = Client(raise_request_exception=True).post(url, form, **extra)
    assert_not_server_error(response, form)


@FUZZ
@given(body=st.binary(max_size=2000), content_type=header_values)
def test_random_raw_survey_bodies(content, body, content_type):
    response = Client(raise_request_exception=True).generic(
        "POST",
        "/ja/survey/",
        body,
        content_type=content_type or "application/octet-stream",
        HTTP_ORIGIN="http://testserver",
    )
    assert_not_server_error(response, content_type)


@FUZZ
@given(host=header_values, endpoint=st.sampled_from(ENDPOINTS))
def test_random_host_headers(content, host, endpoint):
    response = Client(raise_request_exception=False, HTTP_HOST=host).get(endpoint)
    assert_not_server_error(response, host)
