"""Drafts, "shown from/until" dates, ended programmes, preview, and who may publish."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from test_admin_editing import admin_form_data, change_url, save, staff_client

from pages.models import Block, Notice, Section
from shinjuku_mynumber.publishing import Status, local_today
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

PREVIEW = "/ja/preview/sections/about/"


def set_section(slug, **values):
    section = Section.objects.get(slug=slug)
    for name, value in values.items():
        setattr(section, name, value)
    section.save()
    return section


def test_a_draft_is_invisible_to_the_public_and_visible_in_preview(client, content):
    title = set_section("about", status=Status.DRAFT).title_ja
    assert client.get("/ja/sections/about/").status_code == 404
    assert title not in client.get("/ja/").content.decode()

    staff = staff_client("editor", EDITORS)
    assert reverse("pages:preview", kwargs={"slug": "about"}) == PREVIEW
    response = staff.get(PREVIEW)
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html and "preview-banner" in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    # Still invisible to the public after staff looked at it.
    assert client.get("/ja/sections/about/").status_code == 404


def test_preview_needs_a_staff_login_with_view_permission(client, content):
    set_section("about", status=Status.DRAFT)
    response = client.get(PREVIEW)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert staff_client("nogroup").get(PREVIEW).status_code == 403


def test_section_admin_links_to_the_preview(content):
    editor = staff_client("editor", EDITORS)
    html = editor.get(change_url(Section.objects.get(slug="about"))).content.decode()
    assert f'href="{PREVIEW}"' in html


@pytest.mark.parametrize(
    ("shown_from", "shown_until", "visible"),
    [
        (None, None, True),
        (-10, -1, False),  # expired yesterday
        (-10, 0, True),  # its last day
        (1, None, False),  # not yet
        (0, 5, True),
    ],
)
def test_validity_dates_decide_what_is_shown(client, content, shown_from, shown_until, visible):
    today = local_today()

    def day(offset):
        return None if offset is None else today + datetime.timedelta(days=offset)

    set_section("privacy", shown_from=day(shown_from), shown_until=day(shown_until))
    expected = 200 if visible else 404
    assert client.get("/ja/sections/privacy/").status_code == expected
    assert client.get("/en/sections/privacy/").status_code == expected


def test_an_expired_notice_is_hidden(client, content):
    notice = Notice.objects.published().first()
    assert notice.title_ja in client.get("/ja/").content.decode()
    notice.shown_until = local_today() - datetime.timedelta(days=1)
    notice.save()
    assert notice.title_ja not in client.get("/ja/").content.decode()


@pytest.fixture
def sign_up_block(content):
    """Sign-up instructions that only make sense while the programme runs."""
    section = Section.objects.get(slug="mynapoint")
    return Block.objects.create(
        section=section,
        key="sign-up",
        text_ja="<p>マイナポイントの申込みは決済サービスを選んで行います。</p>",
        text_en="<p>Apply for Mynapoint by choosing a payment service.</p>",
        hide_when_ended=True,
        position=5,
    )


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_an_ended_programme_shows_the_ended_notice_in_every_language(
    client, sign_up_block, language
):
    section = Section.objects.get(slug="mynapoint")
    assert section.has_ended()
    html = client.get(f"/{language}/sections/mynapoint/").content.decode()
    assert 'class="callout callout-ended"' in html
    assert f'id="{sign_up_block.key}"' not in html
    assert "決済サービスを選んで" not in html
    assert "choosing a payment service" not in html


def test_a_programme_not_yet_ended_shows_its_sign_up_instructions(client, sign_up_block):
    set_section("mynapoint", programme_ended_on=None)
    html = client.get("/ja/sections/mynapoint/").content.decode()
    assert "callout-ended" not in html
    assert "決済サービスを選んで" in html


def test_an_editor_cannot_publish(content):
    editor = staff_client("editor", EDITORS)
    draft = set_section("about", status=Status.DRAFT)
    # The status is shown, not editable; a forged value is ignored.
    page = editor.get(change_url(draft))
    assert 'name="status"' not in page.content.decode()
    data = admin_form_data(page, title_en="Edited by an editor", status=Status.PUBLISHED)
    assert editor.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Edited by an editor"
    assert draft.status == Status.DRAFT

    # A section an editor adds starts as a draft.
    add_url = reverse("admin:pages_section_add")
    data = admin_form_data(editor.get(add_url), title_ja="新しいページ", slug="new-page")
    data.update(status=Status.PUBLISHED, last_reviewed=str(local_today()))
    response = editor.post(add_url, data)
    assert response.status_code == 302, response.context["errors"]
    assert Section.objects.get(slug="new-page").status == Status.DRAFT


def test_an_editor_cannot_publish_a_notice(content):
    editor = staff_client("editor", EDITORS)
    add_url = reverse("admin:pages_notice_add")
    data = admin_form_data(editor.get(add_url), title_ja="お知らせ", position="1")
    data["status"] = Status.PUBLISHED
    assert editor.post(add_url, data).status_code == 302
    assert Notice.objects.get(title_ja="お知らせ").status == Status.DRAFT


def test_a_publisher_publishes(client, content):
    publisher = staff_client("publisher", PUBLISHERS)
    draft = set_section("about", status=Status.DRAFT)
    page = publisher.get(change_url(draft))
    assert 'name="status"' in page.content.decode()
    save(publisher, draft, status=Status.PUBLISHED)
    assert client.get("/ja/sections/about/").status_code == 200
