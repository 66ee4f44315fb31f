"""Ward staff in Chromium, in Japanese: an editor's change to a live page waits for a publisher."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from pages.models import Block, Section
from shinjuku_mynumber import review
from shinjuku_mynumber.models import PendingChange
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.browser

NEW_TITLE = "マイナンバー制度のあらまし"
NEW_TEXT = "書き換えた説明です。"
PASSWORD = "a-long-test-password-1234"


@pytest.fixture
def staff(site):
    for name, group in (("sato", EDITORS), ("suzuki", PUBLISHERS)):
        user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    # Publishers sign in with a second factor: the publisher's authenticator app.
    TOTPDevice.objects.create(user=User.objects.get(username="suzuki"), name="phone")
    return site


def log_in(browser, site, username):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    device = TOTPDevice.objects.filter(user__username=username).first()
    if device:
        code = totp(device.bin_key, device.step, device.t0, device.digits)
        page.fill("#id_otp_token", f"{code:06d}")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)
    return page


def public_text(browser, site):
    page = browser.new_page(locale="ja-JP")
    page.goto(site.url + "/ja/sections/about/")
    text = page.locator("main").inner_text()
    page.close()
    return text


def propose(browser, site):
    """The editor changes the title and a paragraph of the live "about" page."""
    section = Section.objects.get(slug="about")
    blocks = list(section.blocks.all())
    index = next(i for i, b in enumerate(blocks) if b.kind == Block.Kind.PARAGRAPH)
    editor = log_in(browser, site, "sato")
    editor.goto(site.url + reverse("admin:pages_section_change", args=[section.pk]))
    editor.fill("#id_title_ja", NEW_TITLE)
    paragraph = editor.locator(f"#id_blocks-{index}-text_ja")
    # Long pages are folded by part: the editor opens the part to edit it.
    paragraph.locator("xpath=ancestor::details[1]/summary").click()
    paragraph.fill(f"<p>{NEW_TEXT}</p>")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("公開担当者が承認するまで")
    assert NEW_TITLE not in public_text(browser, site)
    assert NEW_TEXT not in public_text(browser, site)
    # Back on the page, the editor sees their change waiting.
    expect(editor.locator(".pending-change")).to_contain_text("承認を待っています")
    expect(editor.locator("#id_title_ja")).to_have_value(NEW_TITLE)
    return editor, section


def open_change(browser, site, section):
    publisher = log_in(browser, site, "suzuki")
    publisher.goto(site.url + "/admin/pages/section/changes/")
    publisher.get_by_role("link", name=section.title_ja).click()
    return publisher


def test_publisher_previews_and_approves_and_the_page_changes_at_once(browser, staff):
    site = staff
    _editor, section = propose(browser, site)
    publisher = open_change(browser, site, section)
    changes = publisher.locator("table.changes")
    expect(changes).to_contain_text("タイトル（日本語）を変更しました。")
    expect(changes).to_contain_text(NEW_TEXT)
    expect(changes).to_contain_text(section.title_ja)
    # The preview in Japanese shows the change; the English one is the English page.
    publisher.get_by_role("link", name="日本語").click()
    expect(publisher.locator("h1")).to_have_text(NEW_TITLE)
    publisher.go_back()
    publisher.get_by_role("link", name="English").click()
    expect(publisher.locator("html")).to_have_attribute("lang", "en")
    expect(publisher.locator("h1")).to_have_text(section.title_en)
    publisher.go_back()

    publisher.get_by_role("button", name="承認して今すぐ公開").click()
    expect(publisher.locator(".messagelist")).to_contain_text("変更を公開しました。")
    text = public_text(browser, site)
    assert NEW_TITLE in text and NEW_TEXT in text


def test_scheduled_and_rejected_changes(browser, staff):
    site = staff
    editor, section = propose(browser, site)
    publisher = open_change(browser, site, section)

    # Sent back with a comment: the editor sees it, the public page is unchanged.
    publisher.get_by_role("button", name="編集者に差し戻す").click()
    expect(publisher.locator(".errorlist")).to_contain_text("直してほしいこと")
    comment = "出典の日付を確認してください。"
    publisher.fill("#id_comment", comment)
    publisher.get_by_role("button", name="編集者に差し戻す").click()
    expect(publisher.locator(".messagelist")).to_contain_text("差し戻しました")
    editor.reload()
    expect(editor.locator(".pending-change")).to_contain_text(comment)
    assert NEW_TITLE not in public_text(browser, site)

    # The editor saves again; the publisher schedules it for 00:00 tomorrow.
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("公開担当者が承認するまで")
    change = PendingChange.objects.get(state="pending")
    publisher.goto(site.url + reverse("admin:pages_section_pending_change", args=[change.pk]))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    publisher.fill("#id_publish_on", tomorrow.isoformat())
    publisher.fill("#id_publish_time", "00:00")
    publisher.get_by_role("button", name="承認してこの日時に公開").click()
    expect(publisher.locator("#pending-changes")).to_contain_text(
        f"{tomorrow.month}月{tomorrow.day}日0:00"
    )
    at = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    assert review.publish_due(now=at - datetime.timedelta(seconds=1)) == 0
    assert NEW_TITLE not in public_text(browser, site)
    assert review.publish_due(now=at) == 1
    assert NEW_TITLE in public_text(browser, site)
