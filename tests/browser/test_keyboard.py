"""A keyboard-only visitor can use the site: skip link, language switcher,
section links and the page survey, without a mouse."""

import re

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 60


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def tab_to(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    focused = page.evaluate("document.activeElement?.outerHTML.slice(0, 200)")
    raise AssertionError(f"{MAX_TABS} Tabs never reached {selector!r} (focus on {focused})")


def test_skip_link_language_switcher_and_section_link(site, page):
    page.goto(site.url + "/ja/")

    # The first Tab reaches the skip link, shown on screen; Enter moves focus to <main>.
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link"), "the first Tab does not reach the skip link"
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement?.id === 'main'")

    # The language switcher opens with the keyboard; choosing English keeps the page.
    page.goto(site.url + "/ja/")
    tab_to(page, ".language-menu summary")
    page.keyboard.press("Enter")
    assert page.locator(".language-menu").get_attribute("open") is not None
    tab_to(page, '.language-menu a[lang="en"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site.url + "/en/"
    assert page.locator("html").get_attribute("lang") == "en"

    # A section link followed with Enter opens that section, in English.
    tab_to(page, 'main a[href^="/en/sections/"]')
    href = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site.url + href
    assert page.locator("h1").count() == 1


def test_survey_answered_with_keyboard(site, page):
    page.goto(site.url + "/en/sections/about/")
    form = page.locator("form:has(input[type=radio])")
    assert form.count() > 0, "the page survey (a form with a radio group) is missing"

    groups = page.eval_on_selector_all(
        "form:has(input[type=radio]) fieldset:has(input[type=radio])",
        "sets => sets.map(s => s.querySelector('input[type=radio]').name)",
    )
    assert groups, "the survey has no radio group inside a fieldset"
    first = groups[0]
    tab_to(page, f'input[type=radio][name="{first}"]')
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves to, and selects, the next answer
    checked = page.locator(f'input[type=radio][name="{first}"]:checked')
    assert checked.count() == 1
    assert checked.evaluate("el => el === document.activeElement")
    for name in groups[1:]:
        tab_to(page, f'input[type=radio][name="{name}"]')
        page.keyboard.press("Space")

    tab_to(page, "form:has(input[type=radio]) [type=submit]")
    page.keyboard.press("Enter")
    thanks = page.get_by_text(re.compile("thank you", re.IGNORECASE)).first
    thanks.wait_for(state="visible", timeout=10_000)
