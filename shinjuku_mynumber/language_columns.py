"""Load only the columns a page needs: each translated field in the reader's
language and in Japanese (the fallback), not in all ten languages.

The names passed to `only()` are the per-language columns (`title_ja`), never
a translated field's own name (`title`): modeltranslation's `only()` widens
that to every language, which would load all ten again."""

from functools import cache

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


@cache
def _columns(model, language, fields=()):
    keep = {language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE}
    translated = translator.get_options_for_model(model).fields
    if fields:
        wanted = {*fields}
        wanted |= {
            build_localized_fieldname(f, code) for f in fields if f in translated for code in keep
        }
        return tuple(
            f.name
            for f in model._meta.concrete_fields
            if (f.name in wanted and f.name not in translated) or f.primary_key
        )
    skip = {
        build_localized_fieldname(field, code)
        for field in translated
        for code, _name in settings.LANGUAGES
        if code not in keep
    }
    skip.update(translated)
    return tuple(f.name for f in model._meta.concrete_fields if f.name not in skip)


def only_reader_language(queryset, *fields, language=None):
    """The queryset loading only the reader's language and the Japanese fallback;
    with `fields`, only those (a translated one in those two languages)."""
    language = language or get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return queryset.only(*_columns(queryset.model, language, tuple(sorted(fields))))
