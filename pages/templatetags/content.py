"""Template tags that show translated content honestly.

`{% tr obj "field" %}` prints the field in the active language. Where that
translation is missing it prints the Japanese text marked ``lang="ja"`` with a
short note in the reader's language, so nobody mistakes one for the other.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from modeltranslation.utils import build_localized_fieldname

from shinjuku_mynumber import l10n, richtext

register = template.Library()
SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def text_or_japanese(obj, field, language=None):
    """(text, language it is in); falls back to Japanese when untranslated, or when a
    publisher chose to show the Japanese while the translation is outdated."""
    language = language or get_language() or SOURCE
    if language != SOURCE and field not in getattr(obj, "japanese_instead", ()):
        value = getattr(obj, build_localized_fieldname(field, language), None)
        if value:
            return value, language
    return getattr(obj, build_localized_fieldname(field, SOURCE), None) or "", SOURCE


def _note(obj, field):
    if field in getattr(obj, "japanese_instead", ()):
        text = gettext("(changed in Japanese; shown in Japanese until the translation is updated)")
    else:
        text = gettext("(not yet translated; shown in Japanese)")
    return format_html(' <small class="untranslated-note">{}</small>', text)


@register.simple_tag
def tr(obj, field, rich=False):
    text, language = text_or_japanese(obj, field)
    fallback = language != (get_language() or SOURCE)
    if rich:
        body = richtext.render(text)
        if fallback:
            return format_html(
                '<div lang="ja" class="untranslated">{}</div><p class="untranslated-note">{}</p>',
                body,
                gettext(
                    "This part was changed in Japanese and is shown in Japanese until its "
                    "translation is updated."
                )
                if field in getattr(obj, "japanese_instead", ())
                else gettext("This part is not yet translated and is shown in Japanese."),
            )
        return body
    if fallback and text:
        return format_html('<span lang="ja">{}</span>{}', text, _note(obj, field))
    return text


@register.simple_tag
def tr_text(obj, field):
    """Plain text for attributes and <title>: no markup possible there."""
    return text_or_japanese(obj, field)[0]


@register.filter
def moment(value):
    """A date and time in the reader's form: 'Mon 4 Jan 9:30', '1月4日(月) 9:30'."""
    return l10n.format_moment(value)


@register.filter
def day(value):
    """A date in the reader's form, with its weekday."""
    return l10n.format_day(value)


@register.simple_tag
def external_marker():
    return format_html('<span class="external-marker">{}</span>', gettext("(external site)"))
