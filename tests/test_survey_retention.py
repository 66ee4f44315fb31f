"""Survey comments are kept only as long as the privacy notice says; answers stay as counts."""

import datetime

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from pages.survey.models import PageFeedback

pytestmark = pytest.mark.django_db

TOKYO = timezone.get_default_timezone()
NOW = datetime.datetime(2026, 12, 1, 3, 0, tzinfo=TOKYO)


def answer(days_ago, comment="コメント", useful="yes", findable=""):
    return PageFeedback.objects.create(
        page="/sections/privacy/",
        language="ja",
        useful=useful,
        findable=findable,
        comment=comment,
        created=NOW - datetime.timedelta(days=days_ago),
    )


@override_settings(SURVEY_COMMENT_RETENTION_DAYS=180)
def test_old_comments_are_deleted_and_their_answers_still_counted():
    old = answer(181, comment="古いコメント", useful="no")
    young = answer(179, comment="新しいコメント", useful="yes")
    no_comment = answer(400, comment="", useful="neutral")

    with time_machine.travel(NOW, tick=False):
        call_command("expire_survey_comments", verbosity=0)

    old.refresh_from_db()
    young.refresh_from_db()
    assert old.comment == ""
    assert old.useful == "no"
    assert young.comment == "新しいコメント"
    assert PageFeedback.objects.filter(pk=no_comment.pk).exists()
    summary = PageFeedback.objects.overall()
    useful = next(q for q in summary.questions if q.field == "useful")
    assert useful.answered == 3


@override_settings(SURVEY_COMMENT_RETENTION_DAYS=30)
def test_the_period_comes_from_settings_and_the_clock():
    row = answer(31)
    with time_machine.travel(NOW - datetime.timedelta(days=2), tick=False):
        call_command("expire_survey_comments", verbosity=0)
    row.refresh_from_db()
    assert row.comment == "コメント"  # 29 days old then

    with time_machine.travel(NOW, tick=False):
        call_command("expire_survey_comments", verbosity=0)
    row.refresh_from_db()
    assert row.comment == ""


@pytest.fixture
def comment_reader(client):
    user = User.objects.create_user("reader", password="x", is_staff=True)
    for codename in ("view_results", "view_comments", "delete_comments"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return user


def test_staff_delete_a_comment_at_once_and_the_log_records_it(client, comment_reader):
    row = answer(1, comment="電話番号を書いてしまいました", useful="yes")

    page = client.get("/admin/survey/pagefeedback/")
    assert "電話番号を書いてしまいました" in page.content.decode()
    url = f"/admin/survey/pagefeedback/{row.pk}/delete-comment/"
    assert f'action="{url}"' in page.content.decode()

    response = client.post(url)
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.comment == "" and row.useful == "yes"
    entry = LogEntry.objects.get(object_id=str(row.pk))
    assert entry.action_flag == CHANGE
    assert entry.user == comment_reader
    assert "電話番号" not in entry.change_message
    assert "電話番号" not in client.get("/admin/survey/pagefeedback/").content.decode()


def test_staff_without_the_permission_cannot_delete_a_comment(client):
    user = User.objects.create_user("viewer", password="x", is_staff=True)
    for codename in ("view_results", "view_comments"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    row = answer(1, comment="残るコメント")

    page = client.get("/admin/survey/pagefeedback/").content.decode()
    assert "delete-comment" not in page
    assert client.post(f"/admin/survey/pagefeedback/{row.pk}/delete-comment/").status_code == 403
    row.refresh_from_db()
    assert row.comment == "残るコメント"
    assert not LogEntry.objects.exists()


def test_a_get_deletes_nothing(client, comment_reader):
    row = answer(1, comment="残るコメント")
    response = client.get(f"/admin/survey/pagefeedback/{row.pk}/delete-comment/")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.comment == "残るコメント"
