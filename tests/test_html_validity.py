"""Every kind of public page is valid HTML in every language (ten, and やさしい日本語).

The pages are rendered with the test client on the initial content, written
to a temporary folder and checked by the W3C Nu HTML Checker (vnu.jar) in one
run: the JVM is slow to start, so it starts once for all pages.

vnu.jar comes from npm (`make vnu`, run by `make test` and CI) and needs Java;
VNU_JAR may point to another copy.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from contacts.models import CallCentre
from facilities.models import Location
from pages.models import Block, Section
from shinjuku_mynumber import views

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or settings.BASE_DIR / ".tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def vnu_command():
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        pytest.fail(
            f"The HTML checker is missing (java: {java}, {VNU_JAR}): run `make vnu` "
            "(needs npm and Java 11+) or set VNU_JAR."
        )
    # A deep stack, or the schema check overflows and reports nothing; the
    # quick C1 compiler halves the run time of a short-lived checker.
    jvm = ["-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    return [java, *jvm, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def public_pages(client, language):
    """(name, response) for every kind of page a resident can reach."""
    prefix = f"/{language}"
    urls = [f"{prefix}/", f"{prefix}/locations/", f"{prefix}/contact/"]
    urls += [
        f"{prefix}/sections/{slug}/"
        for slug in Section.objects.published().values_list("slug", flat=True)
    ]
    # Location pages share one template: the first one stands for all.
    urls.append(f"{prefix}/locations/{Location.objects.published().first().slug}/")
    urls += [f"{prefix}/survey/thanks/", f"{prefix}/survey/thanks/?page=/sections/privacy/"]
    urls.append(f"{prefix}/search/?q=card")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        yield url, response
    url = f"{prefix}/sections/no-such-section/"
    response = client.get(url)
    assert response.status_code == 404
    yield url, response
    # The survey's error page, as a visitor without JavaScript sees it.
    response = client.post(
        f"{prefix}/survey/",
        {"page": "/sections/privacy/", "useful": "very"},
        HTTP_ORIGIN="http://testserver",
        REMOTE_ADDR=f"192.0.2.{LANGUAGES.index(language) + 1}",
    )
    assert response.status_code == 400
    yield f"{prefix}/survey/ (400)", response
    # The 500 and 503 pages are rendered by the views the handlers call.
    request = RequestFactory().get(f"{prefix}/")
    with translation.override(language):
        for status in (500, 503):
            yield f"{prefix}/ ({status})", views.error_for(request, status)


def file_name(url):
    parts = urlsplit(url)
    name = (parts.path.strip("/") or "root").replace("/", "_") + (
        "_" + parts.query if parts.query else ""
    )
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) + ".html"


def test_every_public_page_is_valid_html(client, content, tmp_path):
    assert Section.objects.published().count() >= 5
    assert Location.objects.published().count() >= 1
    assert CallCentre.objects.exists()
    pages = {}
    for language in LANGUAGES:
        for url, response in public_pages(client, language):
            assert response["Content-Type"].startswith("text/html"), url
            path = tmp_path / file_name(url)
            assert path not in pages, url
            path.write_bytes(response.content)
            pages[path] = url
    assert len(pages) >= len(LANGUAGES) * 12
    # A translation the Japanese has moved on from carries a notice.
    block = Block.objects.filter(section__slug="about", kind=Block.Kind.PARAGRAPH).first()
    # Every language needs a translation to be outdated (ja-easy's content file may
    # not be loaded: this check is about the notice's markup, not about the content).
    for language in LANGUAGES[1:]:
        field = f"text_{language.replace('-', '_')}"
        setattr(block, field, getattr(block, field) or "<p>せつめい です。</p>")
    block.save()
    block.text_ja = "<p>新しい日本語の説明です。</p>"
    block.save()
    for language in LANGUAGES[1:]:
        url = f"/{language}/sections/about/"
        response = client.get(url)
        assert "callout-outdated" in response.content.decode(), url
        path = tmp_path / f"{language}_outdated_about.html"
        path.write_bytes(response.content)
        pages[path] = f"{url} (translation outdated)"
    # A page known to be invalid proves the checker really checked.
    canary = tmp_path / "canary.html"
    canary.write_text('<!doctype html><html lang="en"><title>x</title><p><div></p></html>')

    result = subprocess.run(
        [*vnu_command(), *map(str, pages), str(canary)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "StackOverflowError" not in result.stderr, result.stderr[:500]
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no report (exit {result.returncode}): {result.stderr[-2000:]}")

    errors = {}
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        if path == canary:
            continue
        where = pages.get(path, str(path))
        errors.setdefault(where, []).append(
            f"  line {message.get('lastLine', '?')}: {message['message']}"
            f"  [{(message.get('extract') or '').strip()[:120]}]"
        )
    report = "\n".join(f"{url}\n" + "\n".join(lines) for url, lines in sorted(errors.items()))
    assert not errors, f"HTML errors on {len(errors)} pages:\n{report}"
    canary_errors = [m["message"] for m in messages if m.get("url", "").endswith("/canary.html")]
    assert "No “p” element in scope but a “p” end tag seen." in canary_errors
