"""The compact survey: a comment alone or one answer alone is accepted, and a
visitor without JavaScript who meets an error gets the form back with their
comment in it."""

import pytest

from pages.survey.models import PageFeedback

pytestmark = pytest.mark.django_db
ORIGIN = "http://testserver"


def post(client, data, language="en"):
    return client.post(f"/{language}/survey/", data, HTTP_ORIGIN=ORIGIN)


def test_a_comment_alone_is_accepted(client, content):
    response = post(client, {"page": "/sections/privacy/", "comment": "Please add a map."})

    assert response.status_code == 303
    row = PageFeedback.objects.get()
    assert (row.useful, row.findable, row.comment) == ("", "", "Please add a map.")


@pytest.mark.parametrize("answer", [{"useful": "no"}, {"findable": "easy"}])
def test_one_answer_alone_is_accepted(client, content, answer):
    response = post(client, {"page": "/", **answer})

    assert response.status_code == 303
    assert PageFeedback.objects.filter(**answer, comment="").count() == 1


def test_nothing_at_all_is_refused_and_nothing_is_saved(client, content):
    response = post(client, {"page": "/", "comment": "   "})

    assert response.status_code == 400
    assert "Please answer a question or write a comment." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_after_an_error_without_javascript_the_typed_comment_is_kept(client, content):
    comment = "The hours table <is> hard to read & long"
    response = post(
        client,
        {"page": "/sections/privacy/", "useful": "very", "findable": "easy", "comment": comment},
    )

    assert response.status_code == 400
    html = response.content.decode()
    # The form is shown again, open at the comment, with what was typed (escaped).
    assert '<details class="survey-comment" open>' in html
    assert "The hours table &lt;is&gt; hard to read &amp; long</textarea>" in html
    assert 'value="easy" checked' in html
    assert '<input type="hidden" name="page" value="/sections/privacy/">' in html
    assert not PageFeedback.objects.exists()


def test_survey_on_pages_is_compact_markup(client, content):
    html = client.get("/en/").content.decode()
    start = html.index('<section class="survey"')
    survey = html[start : html.index("</section>", start)]
    # The comment is behind a disclosure that works without JavaScript, closed.
    assert '<details class="survey-comment">' in survey
    assert "<summary>Comment (optional)</summary>" in survey
    assert survey.count('type="radio"') == 6


def test_after_too_many_answers_the_typed_comment_is_kept(client, content, settings):
    settings.SURVEY_RATE_LIMIT = "1/10m"
    post(client, {"page": "/", "useful": "yes"})
    response = post(client, {"page": "/sections/about/", "comment": "Still here"})

    assert response.status_code == 429
    assert "Still here</textarea>" in response.content.decode()
