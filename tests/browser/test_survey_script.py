"""survey.js sends an answer again the old way only when it was certainly not stored."""

import pytest

pytestmark = pytest.mark.browser


def answer_with(page, site, status, body="<html><body>Proxy error</body></html>"):
    posts = []

    def reply(route):
        posts.append(route.request.method)
        if len(posts) == 1:  # the script's fetch: an error page instead of our JSON
            route.fulfill(status=status, body=body, content_type="text/html")
        else:  # the form's own post
            route.fulfill(status=status, body="<html><body>again</body></html>")

    page.route("**/en/survey/", reply)
    page.goto(site.url + "/en/sections/about/")
    page.locator("input[name=useful]").first.check()
    page.locator(".survey-form [type=submit]").click()
    return posts


def test_after_a_gateway_error_the_answer_is_not_sent_twice(site, page):
    posts = answer_with(page, site, 502)
    status = page.locator("[data-survey-status]")
    status.get_by_text("could not confirm").wait_for(timeout=10_000)
    assert posts == ["POST"]
    assert page.url.endswith("/en/sections/about/")


def test_when_the_site_refused_the_answer_it_is_sent_the_old_way(site, page):
    posts = answer_with(page, site, 503)
    page.wait_for_url("**/en/survey/", timeout=10_000)
    assert posts == ["POST", "POST"]
