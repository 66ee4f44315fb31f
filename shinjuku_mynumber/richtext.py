"""Rich text that staff enter: sanitised to a small allow-list on save, and
external links marked (new tab, as the ward's site does, with a visible note)
when rendered."""

import re

import nh3
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang"}}
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}

_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.DOTALL)


def sanitize(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def render(html: str):
    """Sanitise again (defence in depth) and mark every external link."""
    marker = escape(gettext("(external site)"))

    def external(match):
        href, attrs, label = match.groups()
        return (
            f'<a href="{href}"{attrs} class="external" target="_blank">{label}'
            f'<span class="external-marker">{marker}</span></a>'
        )

    return mark_safe(_EXTERNAL_LINK.sub(external, sanitize(html)))


class RichTextField(models.TextField):
    """A TextField whose value is sanitised every time it is saved."""

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
