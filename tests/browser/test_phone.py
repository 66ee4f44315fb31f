"""On a 360 x 740 phone, in Japanese, English and Nepali: help is on the first
screen, hours tables never cut a word or a time, nothing scrolls sideways at
320 px, the survey is compact, and Chinese is drawn with Chinese faces."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LANGUAGES = ["ja", "en", "ne"]

# Every text node inside an hours table that spans more than one line box.
WRAPPED_IN_TABLES = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll(".hours-table th, .hours-table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(node.textContent.trim());
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_locations_and_their_status_are_on_the_first_screen(site, page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{site.url}/{language}/")
    first_link = page.locator(f'a[href="/{language}/locations/"]').first
    box = first_link.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], box
    # The home page's "help in person" block, with the status now, is there too.
    status = page.locator(".get-help .status").first
    box = status.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], (language, box)


def test_the_way_to_help_in_person_is_on_the_first_screen_in_every_language(site, page):
    from django.conf import settings

    page.set_viewport_size(PHONE)
    low = {}
    for language, _name in settings.LANGUAGES:
        page.goto(f"{site.url}/{language}/")
        box = page.locator(f'a[href="/{language}/locations/"]').first.bounding_box()
        if not box or box["y"] + box["height"] > PHONE["height"]:
            low[language] = box
    assert not low, low


@pytest.mark.parametrize("width", [320, 360])
def test_no_word_or_time_in_an_hours_table_wraps(site, page, width):
    page.set_viewport_size({"width": width, "height": PHONE["height"]})
    problems = []
    for language in LANGUAGES:
        for path in ("locations/", "contact/", "locations/honcho-terminal/"):
            page.goto(f"{site.url}/{language}/{path}")
            assert page.locator(".hours-table td").count() > 0, path
            broken = page.evaluate(WRAPPED_IN_TABLES)
            problems += [f"/{language}/{path} at {width}px: {text!r}" for text in broken]
    assert not problems, "text wraps inside hours tables:\n" + "\n".join(problems)


def test_no_sideways_scrolling_at_320px_in_nepali_and_burmese(site, page):
    page.set_viewport_size({"width": 320, "height": PHONE["height"]})
    problems = []
    for language in ("ne", "my"):
        for path in ("", "locations/", "contact/", "locations/honcho-terminal/",
                     "sections/health-insurance/"):  # fmt: skip
            page.goto(f"{site.url}/{language}/{path}")
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                problems.append(f"/{language}/{path}: {scroll} > {inner}")
    assert not problems, problems


@pytest.mark.parametrize("language", [*LANGUAGES, "my", "es"])
def test_survey_is_compact(site, page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{site.url}/{language}/sections/about/")
    # The two questions and the send button: well under one screen...
    form = page.locator("form.survey-form").evaluate("el => el.getBoundingClientRect().height")
    assert form < PHONE["height"] * 0.5, form
    # ...and with its privacy and opinion notes, the whole survey fits one screen.
    whole = page.locator("section.survey").evaluate("el => el.getBoundingClientRect().height")
    assert whole < PHONE["height"], whole
    # The comment opens (no script needed: <details>), and the form still fits a screen.
    page.locator(".survey-comment summary").click()
    assert page.locator("#survey-comment").is_visible()
    height = page.locator("form.survey-form").evaluate("el => el.getBoundingClientRect().height")
    assert height < PHONE["height"], height


def test_comment_alone_is_sent_without_javascript_and_kept_after_an_error(site, browser, settings):
    settings.SURVEY_RATE_LIMIT = "1/10m"
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    for attempt, comment in enumerate(["Only a comment.", "A second, longer comment."]):
        page.goto(f"{site.url}/en/sections/about/")
        page.locator(".survey-comment summary").click()
        page.fill("#survey-comment", comment)
        with page.expect_navigation():
            page.locator(".survey-form button[type=submit]").click()
        if attempt == 0:
            assert "/en/survey/thanks/" in page.url
    # The second answer is refused (too many); what was typed is still there.
    assert page.locator("h1").inner_text() == "Your answer could not be sent"
    assert page.locator("#survey-comment").input_value() == "A second, longer comment."
    assert page.locator("#survey-comment").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("language", "faces"),
    [
        ("zh-hans", ("PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei")),
        ("zh-hant", ("PingFang TC", "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei")),
    ],
)
def test_chinese_is_drawn_with_a_chinese_face(site, page, language, faces):
    page.goto(f"{site.url}/{language}/")
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    first = family.split(",")[0].strip().strip('"')
    assert first in faces, family
