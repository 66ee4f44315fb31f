"""Survey results staff can act on: titles, worst pages first, per month and language."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from pages.models import Section
from pages.survey.models import PageFeedback

pytestmark = pytest.mark.django_db

TOKYO = timezone.get_default_timezone()
RESULTS = "/admin/survey/pagefeedback/"


def answer(page, language, useful, findable, comment="", when=(2025, 6, 10, 12)):
    return PageFeedback.objects.create(
        page=page,
        language=language,
        useful=useful,
        findable=findable,
        comment=comment,
        created=datetime.datetime(*when, tzinfo=TOKYO),
    )


@pytest.fixture
def answers(db):
    Section.objects.create(slug="privacy", title_ja="個人情報の保護", position=900)
    rows = [
        # The home page: 1 negative answer of 4.
        answer("/", "ja", "yes", "easy", "トップが見やすい"),
        answer("/", "en", "yes", "", when=(2025, 5, 31, 23)),  # May in Tokyo
        # The privacy section: 3 negative answers of 4 (worst).
        answer("/sections/privacy/", "ja", "no", "hard", "どこにあるか分からない"),
        answer("/sections/privacy/", "ko", "no", "easy", "설명이 부족합니다", (2025, 7, 1, 0)),
        # The call centre list: 1 of 2.
        answer("/contact/", "vi", "neutral", "hard"),
    ]
    return rows


def staff(*codenames):
    user = User.objects.create_user("staff-" + "-".join(codenames), is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="survey", codename__in=codenames)
    )
    return user


def by_page(html):
    return html.split('id="by-page"')[1].split('id="comments"')[0]


def test_pages_are_named_by_their_japanese_title_worst_first(client, answers):
    client.force_login(staff("view_results"))
    html = by_page(client.get(RESULTS).content.decode())

    headings = [part.split("</h3>")[0] for part in html.split('<h3 id="survey-page-')[1:]]
    assert [h.split(">", 1)[1] for h in headings] == [
        "個人情報の保護",  # 3 of 4 answers negative
        "コールセンター",  # 1 of 2
        "社会保障・税番号制度(マイナンバー制度)",  # none
    ]
    # The URL is still there, as secondary text linking to the page.
    assert '<a href="/ja/sections/privacy/">/sections/privacy/</a>' in html
    assert "役に立たなかった・見つけにくかった 75.0%（3件）" in html


def test_summary_worst_first_counts_negative_answers(answers):
    pages = PageFeedback.objects.worst_first()
    assert [(p.page, p.negative, p.negative_percent) for p in pages] == [
        ("/sections/privacy/", 3, 75.0),
        ("/contact/", 1, 50.0),
        ("/", 0, 0.0),
    ]


def test_breakdown_per_month_in_tokyo_and_per_language(client, answers):
    months = PageFeedback.objects.by_month()
    assert [(m.key, m.total, m.not_useful, m.hard_to_find) for m in months] == [
        (datetime.date(2025, 5, 1), 1, 0, 0),
        (datetime.date(2025, 6, 1), 3, 1, 2),
        (datetime.date(2025, 7, 1), 1, 1, 0),
    ]
    languages = PageFeedback.objects.by_language()
    assert [(r.key, r.total, r.not_useful) for r in languages] == [
        ("ja", 2, 1),
        ("en", 1, 0),
        ("ko", 1, 1),
        ("vi", 1, 0),
    ]

    client.force_login(staff("view_results"))
    html = client.get(RESULTS).content.decode()
    month_table = html.split('id="by-month"')[1].split("</table>")[0]
    assert (
        month_table.index("2025-05") < month_table.index("2025-06") < month_table.index("2025-07")
    )
    assert "<td>3</td><td>33.3% (1/3)</td><td>66.7% (2/3)</td>" in month_table
    language_table = html.split('id="by-language"')[1].split("</table>")[0]
    assert '<a href="?language=ko" lang="ko">한국어</a>' in language_table
    # The filter narrows every table: Korean only.
    html = client.get(RESULTS, {"language": "ko"}).content.decode()
    assert "2025-06" not in html.split('id="by-month"')[1].split("</table>")[0]
    assert "コールセンター" not in by_page(html)


def test_comments_are_beside_their_page_and_can_be_deleted(client, answers):
    client.force_login(staff("view_results", "view_comments", "delete_comments"))
    html = by_page(client.get(RESULTS).content.decode())

    privacy, rest = html.split("個人情報の保護", 1)[1].split("</section>", 1)
    assert "どこにあるか分からない" in privacy and "설명이 부족합니다" in privacy
    assert '<span lang="ko">설명이 부족합니다</span>' in privacy
    assert "トップが見やすい" not in privacy and "トップが見やすい" in rest
    assert "コメント（2件）" in privacy

    row = PageFeedback.objects.get(comment="설명이 부족합니다")
    assert f'action="/admin/survey/pagefeedback/{row.pk}/delete-comment/"' in privacy
    response = client.post(f"/admin/survey/pagefeedback/{row.pk}/delete-comment/")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.comment == ""
    assert "설명이 부족합니다" not in client.get(RESULTS).content.decode()


def test_comments_beside_pages_need_their_permission(client, answers):
    client.force_login(staff("view_results"))
    html = client.get(RESULTS).content.decode()
    assert "どこにあるか分からない" not in html
    assert "delete-comment" not in html


def test_a_removed_page_keeps_its_path_as_title(client, answers):
    answer("/sections/gone/", "ja", "no", "hard")
    client.force_login(staff("view_results"))
    html = by_page(client.get(RESULTS).content.decode())
    assert '<h3 id="survey-page-1">/sections/gone/</h3>' in html
