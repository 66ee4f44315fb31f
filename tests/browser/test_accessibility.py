"""Every public page, in every language, passes axe-core with no violations.

axe runs its default rule set (WCAG 2.x A and AA plus best practices). One
browser page visits every URL in turn, with axe (as shipped inside
axe-playwright-python) added to each document by an init script, to keep the
run short.
"""

import datetime

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.utils import timezone

from facilities.models import Location
from shinjuku_mynumber.models import Banner

pytestmark = pytest.mark.browser


def describe(path: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{path}: [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more nodes")
    return lines


def test_every_public_page_passes_axe(site, site_paths, page):
    paths = site_paths()
    assert len(paths) >= 120, paths  # home + 11 sections, in 10 languages
    assert sum(path.startswith("/ja-easy/") for path in paths) >= 12, paths  # やさしい日本語
    page.add_init_script(Axe().axe_script)
    problems = []
    for path in paths:
        response = page.goto(site.url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        results = AxeResults(page.evaluate("axe.run(document, {resultTypes: ['violations']})"))
        assert results.response["passes"], f"axe did not run on {path}"
        problems += describe(path, results.response["violations"])
    assert not problems, "axe found violations:\n" + "\n".join(problems)


# The states the sitemap walk does not reach: an error page, the emergency
# banner, a location with its map links, the survey with its comment opened.
def test_help_pages_pass_axe_in_every_language(site, page):
    Banner.objects.create(
        message_ja="台風のため、本日の窓口は休止します。",
        message_en="Because of the typhoon, the help desks are closed today.",
        starts_at=timezone.now() - datetime.timedelta(minutes=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    Location.objects.filter(slug="honcho-terminal").update(
        latitude="35.693840", longitude="139.703549", phone="03-3209-1111"
    )
    page.add_init_script(Axe().axe_script)
    problems = []
    for code, _name in settings.LANGUAGES:
        for path, status in [
            (f"/{code}/", 200),
            (f"/{code}/no-such-page/", 404),
            (f"/{code}/locations/honcho-terminal/", 200),
        ]:
            response = page.goto(site.url + path, wait_until="load")
            assert response is not None and response.status == status, path
            if status == 200:  # error pages run no query, so show no banner
                assert page.locator(".site-banner").count() == 1, path
                page.locator(".survey-comment summary").click()
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            problems += describe(path, result["violations"])
    assert not problems, "axe found violations:\n" + "\n".join(problems)
