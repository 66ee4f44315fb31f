"""Survey results for staff: the numbers match the rows; comments need a permission."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from test_admin_editing import signed_in

from pages.survey.models import PageFeedback

pytestmark = pytest.mark.django_db

TOKYO = timezone.get_default_timezone()
RESULTS = "/admin/survey/pagefeedback/"
EXPORT = "/admin/survey/pagefeedback/export.csv"


def at(day, hour=12):
    return datetime.datetime(2025, 6, day, hour, tzinfo=TOKYO)


@pytest.fixture
def answers(db):
    rows = [
        # page, language, useful, findable, comment, created
        ("/", "ja", "yes", "easy", "", at(1)),
        ("/", "ja", "yes", "hard", "トップが見やすい", at(2)),
        ("/", "en", "no", "", "", at(3)),
        ("/", "en", "neutral", "easy", "=HYPERLINK(1)", at(4)),
        ("/sections/privacy/", "ja", "", "hard", "", at(1, 0)),
        ("/sections/privacy/", "ko", "yes", "neutral", "좋아요", at(30, 23)),
    ]
    return [
        PageFeedback.objects.create(
            page=page,
            language=language,
            useful=useful,
            findable=findable,
            comment=comment,
            created=created,
        )
        for page, language, useful, findable, comment, created in rows
    ]


def counts(result, field):
    question = next(q for q in result.questions if q.field == field)
    return {c.value: (c.count, c.percent) for c in question.choices}, question.answered


def test_summary_counts_and_percentages_per_page_and_question(answers):
    home, privacy = PageFeedback.objects.summary()

    assert (home.page, home.total) == ("/", 4)
    assert counts(home, "useful") == (
        {"yes": (2, 50.0), "neutral": (1, 25.0), "no": (1, 25.0)},
        4,
    )
    assert counts(home, "findable") == (
        {"easy": (2, 66.7), "neutral": (0, 0.0), "hard": (1, 33.3)},
        3,
    )
    assert (privacy.page, privacy.total) == ("/sections/privacy/", 2)
    assert counts(privacy, "useful") == (
        {"yes": (1, 100.0), "neutral": (0, 0.0), "no": (0, 0.0)},
        1,
    )


def test_summary_can_be_filtered_by_date_and_language(answers):
    (home,) = PageFeedback.objects.in_language("en").summary()
    assert home.total == 2
    # Days are Tokyo days: 1 June 00:00 JST is on 1 June.
    june_first = PageFeedback.objects.between(at(1).date(), at(1).date()).summary()
    assert [(r.page, r.total) for r in june_first] == [("/", 1), ("/sections/privacy/", 1)]
    late = PageFeedback.objects.between(since=at(30).date()).summary()
    assert [(r.page, r.total) for r in late] == [("/sections/privacy/", 1)]


def test_overall_counts_every_page(answers):
    overall = PageFeedback.objects.overall()
    assert overall.total == 6
    assert counts(overall, "useful")[1] == 5
    empty = PageFeedback.objects.none().overall()
    assert empty.total == 0
    assert counts(empty, "useful") == ({"yes": (0, 0.0), "neutral": (0, 0.0), "no": (0, 0.0)}, 0)


def test_csv_rows_match_the_stored_rows(answers):
    header, *rows = list(PageFeedback.objects.as_csv_rows())

    assert header == ["created", "page", "language", "useful", "findable", "comment"]
    assert len(rows) == len(answers)
    expected = sorted(answers, key=lambda a: a.created)
    for row, answer in zip(rows, expected, strict=True):
        created, page, language, useful, findable, comment = row
        assert datetime.datetime.fromisoformat(created) == answer.created
        assert created.endswith("+09:00")
        assert (page, language, useful, findable) == (
            answer.page,
            answer.language,
            answer.useful,
            answer.findable,
        )
        # A comment a spreadsheet would run as a formula is defused.
        assert comment == (
            "'" + answer.comment if answer.comment.startswith("=") else answer.comment
        )


def test_csv_rows_without_comments(answers):
    header, *rows = list(PageFeedback.objects.as_csv_rows(include_comments=False))
    assert "comment" not in header
    assert all(len(row) == 5 for row in rows)


# --- The admin page -----------------------------------------------------------


def staff(*codenames):
    user = User.objects.create_user(f"staff-{'-'.join(codenames) or 'none'}", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="survey", codename__in=codenames)
    )
    return user


def test_staff_with_the_results_permission_see_counts_and_a_chart(client, answers):
    client.force_login(staff("view_results"))
    response = client.get(RESULTS)

    assert response.status_code == 200
    html = response.content.decode()
    assert "/sections/privacy/" in html
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</div>")[0]
    assert 'href="/admin/survey/"' in breadcrumbs
    assert html.count('<svg class="survey-chart"') == 2 * 3  # 2 questions: all pages, each page
    assert 'width="100.0"' in html  # 50 % of 200 px, whatever the staff's language
    assert " style=" not in html.split('id="content-main"')[1]
    # Without view_comments: no comment text, and no export button without its permission.
    assert "トップが見やすい" not in html
    assert "좋아요" not in html
    assert "export.csv" not in html


def test_comments_need_their_own_permission(client, answers):
    client.force_login(staff("view_results", "view_comments"))
    html = client.get(RESULTS).content.decode()
    assert "トップが見やすい" in html
    assert "좋아요" in html


def test_results_page_filters(client, answers):
    client.force_login(staff("view_results", "view_comments"))
    html = client.get(RESULTS, {"language": "ko"}).content.decode()
    assert "좋아요" in html and "トップが見やすい" not in html
    html = client.get(RESULTS, {"since": "2025-06-02", "until": "2025-06-02"}).content.decode()
    assert "トップが見やすい" in html and "좋아요" not in html
    assert "回答1件" in html  # the admin speaks Japanese
    html = client.get(RESULTS, {"since": "2025-06-05", "until": "2025-06-01"}).content.decode()
    assert "開始日は終了日以前の日付にしてください。" in html


@pytest.mark.parametrize(
    "codenames", [(), ("view_comments",), ("export_feedback",)], ids=["none", "comments", "export"]
)
def test_staff_without_the_results_permission_are_refused(client, answers, codenames):
    client.force_login(staff(*codenames))
    assert client.get(RESULTS).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, answers):
    response = client.get(RESULTS)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert client.get(EXPORT).status_code == 302


def test_no_page_shows_a_single_answer(client, answers):
    client.force_login(staff("view_results"))
    assert client.get(f"{RESULTS}{answers[1].pk}/change/").status_code == 404


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def test_export_matches_the_rows(client, answers):
    client.force_login(staff("view_results", "view_comments", "export_feedback"))
    response = client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows == [[str(cell) for cell in row] for row in PageFeedback.objects.as_csv_rows()]
    assert len(rows) == 1 + len(answers)


def test_export_follows_the_filters(client, answers):
    client.force_login(staff("view_results", "view_comments", "export_feedback"))
    rows = read_csv(client.get(EXPORT, {"language": "en"}))
    assert [row[2] for row in rows[1:]] == ["en", "en"]


def test_export_leaves_out_comments_without_their_permission(client, answers):
    client.force_login(staff("view_results", "export_feedback"))
    rows = read_csv(client.get(EXPORT))
    assert "comment" not in rows[0]
    assert "トップが見やすい" not in str(rows)


def test_export_needs_its_permission(client, answers):
    client.force_login(staff("view_results", "view_comments"))
    assert client.get(EXPORT).status_code == 403


def test_superuser_sees_everything(client, answers):
    signed_in(client, User.objects.create_superuser("chief", password=None))
    html = client.get(RESULTS).content.decode()
    assert "トップが見やすい" in html
    assert "export.csv" in html
    index = client.get("/admin/").content.decode()
    assert RESULTS in index
