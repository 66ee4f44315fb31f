"""No page links off the site, whatever path it was asked for.

A path such as "//evil.example/" is, read as a URL, another site; the 404
page's language links and alternates are built from the resolved path, so
they stay on ours.
"""

import re

import pytest

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "/%5Cevil.example/",
    "/%2F%2Fevil.example/",
    "/ja//evil.example/",
    "/en/%2F%2Fevil.example/",
    "/ja/\\evil.example/",
]


def request_path(client, path):
    """Send `path` as the raw request target (the test client would parse "//x" as a host)."""
    return client.request(PATH_INFO=path, REQUEST_METHOD="GET", QUERY_STRING="")


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_give_a_404_whose_links_stay_on_the_site(client, content, path):
    from urllib.parse import unquote

    response = request_path(client, unquote(path))
    assert response.status_code == 404
    html = response.content.decode()
    links = re.findall(r'(?:href|action|src)="([^"]*)"', html)
    assert links
    for link in links:
        assert "evil" not in link, link
        assert link.startswith(("/", "#", "https://www.", "http://testserver")), link
        assert not link.startswith(("//", "/\\")), link
    languages = re.findall(r'hreflang="[^"]+" href="([^"]*)"|href="([^"]*)" hreflang', html)
    assert all("evil" not in a + b for a, b in languages)
