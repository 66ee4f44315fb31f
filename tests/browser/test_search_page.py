"""The search box works without JavaScript, and the results page (with the
read-aloud control shown) passes axe in several languages."""

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import describe
from test_read_aloud import FAKE_SPEECH

pytestmark = pytest.mark.browser


def test_the_header_search_box_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/vi/sections/pin/")
    page.get_by_role("searchbox", name="Tìm kiếm trên trang này").fill("bao hiem y te")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vi/search/?q=bao+hiem+y+te")
    first = page.locator(".search-results li").first
    assert first.locator("a").get_attribute("href") == "/vi/sections/health-insurance/"
    assert first.locator("mark").count() >= 1
    context.close()


def test_results_pages_pass_axe(site, page):
    page.add_init_script(Axe().axe_script)
    page.add_init_script(FAKE_SPEECH % '["ja-JP", "vi-VN", "en-US", "ko-KR"]')
    problems = []
    for path in [
        "/ja/search/?q=マイナ保険証",
        "/vi/search/?q=bao+hiem",
        "/en/search/?q=%3Cscript%3E",
        "/ko/search/",
        "/en/search/?q=カード",  # results shown in Japanese, marked as such
    ]:
        response = page.goto(site.url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        assert page.locator("[data-read-aloud]").is_visible(), path
        results = AxeResults(page.evaluate("axe.run(document, {resultTypes: ['violations']})"))
        assert results.response["passes"], f"axe did not run on {path}"
        problems += describe(path, results.response["violations"])
    assert not problems, "axe found violations:\n" + "\n".join(problems)
