"""Furigana pages pass axe-core, and the switch on and off works in a browser."""

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import describe

pytestmark = pytest.mark.browser

PATHS = ["/ja/furigana/", "/ja/furigana/sections/about/", "/ja/furigana/locations/"]


def test_furigana_pages_pass_axe_and_switch_back(site, page):
    page.add_init_script(Axe().axe_script)
    problems = []
    for path in PATHS:
        response = page.goto(site.url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        assert page.locator("main ruby rt").count() > 10, path
        results = AxeResults(page.evaluate("axe.run(document, {resultTypes: ['violations']})"))
        assert results.response["passes"], f"axe did not run on {path}"
        problems += describe(path, results.response["violations"])
    assert not problems, "axe found violations:\n" + "\n".join(problems)
    page.get_by_role("link", name="ふりがなをはずす").click()
    assert page.url == site.url + "/ja/locations/"
    assert page.locator("ruby").count() == 0
    page.get_by_role("link", name="ふりがなをつける").click()
    assert page.url == site.url + "/ja/furigana/locations/"
