from django import template
from django.conf import settings

from .. import paths
from ..models import COMMENT_MAX_LENGTH, QUESTIONS

register = template.Library()


@register.simple_tag(takes_context=True)
def survey_form(context):
    """What the survey component needs; None on a page that takes no answers.

    Nothing here touches the session or the CSRF token: the page stays
    cookie-free and cacheable.
    """
    # After an error without JavaScript, the form comes back as it was sent.
    sent = context.get("survey_sent") or {}
    page = sent.get("page") or paths.page_of(context["request"])
    if not page:
        return None
    return {
        "page": page,
        "questions": [
            {
                "name": name,
                "question": question,
                "choices": choices.choices,
                "value": sent.get(name, ""),
            }
            for name, question, choices in QUESTIONS
        ],
        "comment": sent.get("comment", ""),
        "comment_max_length": COMMENT_MAX_LENGTH,
        "comment_retention_days": settings.SURVEY_COMMENT_RETENTION_DAYS,
        "opinion_form_url": settings.WARD_OPINION_FORM_URL,
    }
