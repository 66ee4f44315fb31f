"""Shared machinery of `manage.py load_initial_data`.

Each app's `seed.py` walks its Japanese data file and calls `seed()` for every
record, naming it by a stable key such as ``section.about.block.law``. The
translations of a record's fields live in ``locale/content/<lang>.toml`` under
``<key>.<field>``.

The rules that make the loader safe to run at every start:
- a record that is missing is created, in Japanese and every translation;
- a record that exists is never changed, except that an empty translation
  field is filled in: staff edits always win, and a second run changes nothing.
"""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

CONTENT_TRANSLATIONS_DIR = Path(settings.BASE_DIR) / "locale" / "content"
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@cache
def content_translations(language: str) -> dict[str, str]:
    path = CONTENT_TRANSLATIONS_DIR / f"{language}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)

    def __str__(self):
        return f"{len(self.created)} records created, {len(self.filled)} translations filled in"


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def seed(model, report: SeedReport, key: str, lookup: dict, values: dict, *, create=True):
    """Create ``model`` matching ``lookup`` if missing, else fill empty translations.

    ``values`` holds the Japanese text of translated fields by their plain
    names, and untranslated values as they are. Returns the instance, or None
    when it is missing and ``create`` is false (its parent was edited by staff).
    """
    fields = [name for name in translated_fields(model) if name in values]
    for name in fields:
        if values[name]:
            report.source_texts[f"{key}.{name}"] = values[name]
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        if not create:
            return None
        instance = model(**lookup)
        for name, value in values.items():
            target = build_localized_fieldname(name, SOURCE_LANGUAGE) if name in fields else name
            setattr(instance, target, value)
        _fill_translations(instance, key, fields, values)
        instance._change_reason = "initial content"
        instance.save()
        report.created.append(key)
        return instance
    filled = _fill_translations(instance, key, fields, values)
    if filled:
        instance._change_reason = "initial content: translations"
        instance.save(update_fields=filled)
        report.filled.extend(f"{key}.{name}" for name in filled)
    return instance


def _fill_translations(instance, key, fields, values) -> list[str]:
    filled = []
    for language in target_languages():
        texts = content_translations(language)
        for name in fields:
            text = texts.get(f"{key}.{name}")
            localized = build_localized_fieldname(name, language)
            if text and values.get(name) and not getattr(instance, localized):
                setattr(instance, localized, text)
                filled.append(localized)
    return filled
