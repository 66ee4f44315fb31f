"""The admin in Chromium as a ward employee uses it: language tabs named by language,
new rows on the Japanese tab, and change lists whose titles can be read at 1280 px."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from facilities.models import Location
from shinjuku_mynumber.roles import EDITORS

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-1234"
LANGUAGE_NAMES = [name for _code, name in settings.LANGUAGES]
MIN_TITLE_WIDTH = 200  # px: a Japanese title of ~12 characters on one line


@pytest.fixture
def editor_page(site, browser):
    user = User.objects.create_user("sato", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.goto(site.url + "/admin/login/")
    page.fill("#id_username", "sato")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("sato")
    page.errors = errors
    yield page
    context.close()


def test_language_tabs_are_named_and_new_rows_open_in_japanese(site, editor_page):
    page = editor_page
    location = Location.objects.published().first()
    page.goto(site.url + reverse("admin:facilities_location_change", args=[location.pk]))
    name_tabs = page.locator("#id_name_ja").locator(
        "xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ui-tabs ')][1]"
    )
    expect(name_tabs.locator(".ui-tabs-nav a")).to_have_text(LANGUAGE_NAMES)
    expect(name_tabs.locator(".ui-tabs-nav a").nth(1)).to_have_attribute("lang", "en")
    switch = page.locator("#modeltranslation-main-switch option")
    expect(switch).to_have_text(LANGUAGE_NAMES)

    # Someone working on the English: every tab shows English...
    page.select_option("#modeltranslation-main-switch", label="English")
    expect(page.locator("#id_name_en")).to_be_visible()
    expect(page.locator("#id_name_ja")).to_be_hidden()
    # ...but a new row opens on its Japanese tab, named like the others.
    group = page.locator("#items_to_bring-group")
    rows = group.locator("tr.form-row.dynamic-items_to_bring")
    before = rows.count()
    group.locator(".add-row a").click()
    expect(rows).to_have_count(before + 1)
    new_row = rows.nth(before)
    expect(new_row.locator(".ui-tabs-nav a")).to_have_text(LANGUAGE_NAMES)
    expect(new_row.locator(f"#id_items_to_bring-{before}-text_ja")).to_be_visible()
    expect(new_row.locator(f"#id_items_to_bring-{before}-text_en")).to_be_hidden()
    expect(new_row.locator(".ui-tabs-active a")).to_have_text("日本語")
    assert not page.errors, page.errors


COLUMN_WIDTHS = """(column) => {
  const cells = [...document.querySelectorAll(`#result_list .field-${column}`)];
  return cells.map(cell => cell.getBoundingClientRect().width);
}"""


@pytest.mark.parametrize("width", [1280])
def test_change_lists_are_readable_at_1280px(site, editor_page, width):
    page = editor_page
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for url_name, column in [
        ("admin:pages_section_changelist", "title"),
        ("admin:facilities_location_changelist", "name"),
        ("admin:contacts_callcentre_changelist", "name"),
    ]:
        page.goto(site.url + reverse(url_name))
        widths = page.evaluate(COLUMN_WIDTHS, column)
        assert widths, f"{url_name}: no {column} column"
        if min(widths) < MIN_TITLE_WIDTH:
            problems.append(f"{url_name}: {column} column {min(widths):.0f}px")
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll > inner:
            problems.append(f"{url_name}: the page scrolls sideways ({scroll} > {inner})")
        # Nor does the list scroll sideways in its own box.
        box, shown = page.evaluate(
            "(r => [r.scrollWidth, r.clientWidth])(document.querySelector('#changelist-form .results'))"
        )
        if box > shown:
            problems.append(f"{url_name}: the list scrolls sideways ({box} > {shown})")
    assert not problems, "\n".join(problems)
