"""Shared machinery of `manage.py load_initial_data`.

Each app's `seed.py` walks its Japanese data file and calls `seed()` for every
record, naming it by a stable key such as ``section.about.block.law`` and
passing the raw TOML record (its ``sources`` and ``unverified`` reason are
stored with the row, see shinjuku_mynumber/models.py). The translations of a
record's fields live in ``locale/content/<lang>.toml`` under ``<key>.<field>``.

The rules that make the loader safe to run at every start:
- a record that is missing is created, in Japanese and every translation,
  unless it was seeded before (or deleted by staff): staff deletions stay;
- each seeded row has a `SeedRecord` of the values the loader wrote. A row
  whose values still equal them is untouched by staff, and a new release of the
  initial content updates it (texts, translations, sources, review flag);
- a row staff changed is never overwritten: only its empty translations are
  filled in, and the report lists it when the new release differs;
- a second run with the same files changes nothing.
Rows seeded before SeedRecords existed count as untouched when staff never
saved them (staff_edits.py).
"""

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import staff_edits
from .models import SeedRecord, Source, Sourced

CONTENT_TRANSLATIONS_DIR = Path(settings.BASE_DIR) / "locale" / "content"
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# Review bookkeeping the loader writes but never compares: staff marking a row
# reviewed does not make its text theirs. A new release moves it forward only.
LATEST_WINS = ("last_reviewed",)


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def all_languages():
    return [code for code, _name in settings.LANGUAGES]


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


def content_release(data_files) -> str:
    """Names the release of the initial content: a digest of every file it is read from."""
    digest = hashlib.sha256()
    for path in [*data_files, *sorted(CONTENT_TRANSLATIONS_DIR.glob("*.toml"))]:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


class _Memo:
    """What one run looks up for every row, read once: the seed records, and
    per model the rows staff deleted (their lookups, as history holds them)."""

    def __init__(self):
        self._records = None
        self._deleted = {}

    def _load(self):
        if self._records is None:
            records = list(SeedRecord.objects.all())
            self._records = {r.key: r for r in records}
            self._by_object = {(r.content_type_id, r.object_id): r for r in records}

    def by_key(self, key):
        self._load()
        return self._records.get(key)

    def for_object(self, instance):
        self._load()
        content_type = ContentType.objects.get_for_model(instance)
        return self._by_object.get((content_type.pk, instance.pk))

    def put(self, record):
        self._load()
        stale = self._records.get(record.key)
        if stale is not None and stale.pk != record.pk:
            self._by_object.pop((stale.content_type_id, stale.object_id), None)
        self._records[record.key] = record
        self._by_object[(record.content_type_id, record.object_id)] = record

    def drop(self, record):
        self._load()
        self._records.pop(record.key, None)
        self._by_object.pop((record.content_type_id, record.object_id), None)

    def deleted_by_staff(self, model, lookup: dict) -> bool:
        where = {
            (f"{name}_id" if isinstance(value, models.Model) else name): getattr(value, "pk", value)
            for name, value in lookup.items()
        }
        names = tuple(sorted(where))
        cache_key = (model, names)
        if cache_key not in self._deleted:
            self._deleted[cache_key] = staff_edits.deleted_rows(model, list(names))
        return tuple(where[name] for name in names) in self._deleted[cache_key]


@dataclass
class SeedReport:
    release: str = ""
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Rows staff changed where the new release differs: left as staff made them.
    kept: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} records created, {len(self.updated)} updated to the new "
            f"release, {len(self.removed)} removed, {len(self.filled)} translations filled in, "
            f"{len(self.kept)} edited by staff and left as they are"
        )

    @property
    def memo(self) -> _Memo:
        if not hasattr(self, "_memo"):
            self._memo = _Memo()
        return self._memo


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def is_sourced(model) -> bool:
    return issubclass(model, Sourced)


# --- What a row holds, in comparable form ------------------------------------


def _plain(value):
    if isinstance(value, models.Model):
        value = value.pk
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def row_state(instance, names) -> dict:
    """The values of ``names`` (model field names, or "sources") as JSON-ready data."""
    state = {}
    for name in names:
        if name == "sources":
            state[name] = [
                [s.url, s.title, _plain(s.checked)] for s in instance.sources.order_by("position")
            ]
        else:
            try:
                model_field = instance._meta.get_field(name)
            except FieldDoesNotExist:  # recorded by an older release, since removed
                continue
            state[name] = _plain(model_field.value_from_object(instance))
    return state


def _state_names(model, values: dict) -> list[str]:
    translated = translated_fields(model)
    names = []
    for name in values:
        if name in LATEST_WINS:
            continue
        if name in translated:
            names.extend(build_localized_fieldname(name, lang) for lang in all_languages())
        else:
            names.append(name)
    if is_sourced(model):
        names.append("sources")
    return names


def _apply(instance, key: str, values: dict) -> None:
    """Set the file's values: Japanese, and each translation the files hold (else empty)."""
    translated = translated_fields(type(instance))
    for name, value in values.items():
        if name not in translated:
            setattr(instance, name, value)
            continue
        setattr(instance, build_localized_fieldname(name, SOURCE_LANGUAGE), value)
        for language in target_languages():
            text = content_translations(language).get(f"{key}.{name}", "") if value else ""
            setattr(instance, build_localized_fieldname(name, language), text)


def _wanted_state(model, key, values, sources, names) -> dict:
    """The state a row would have after the loader wrote the file's values into it."""
    draft = model()
    _apply(draft, key, values)
    for name in names:
        if name == "sources":
            continue
        model_field = draft._meta.get_field(name)
        if not (getattr(model_field, "auto_now", False) or model_field.auto_created):
            model_field.pre_save(draft, add=True)  # rich text is stored sanitised
    state = row_state(draft, [n for n in names if n != "sources"])
    if "sources" in names:
        state["sources"] = [[s["url"], s["title"], _plain(s.get("checked"))] for s in sources]
    return state


# --- Who changed a row --------------------------------------------------------


def untouched(instance, record, state=None) -> bool:
    """True when staff have not changed the row since the loader wrote it."""
    if record is not None:
        state = state if state is not None else row_state(instance, record.values)
        return all(state[name] == record.values[name] for name in record.values if name in state)
    return not staff_edits.edited(instance)


# --- Writing ------------------------------------------------------------------


def _provenance(model, key: str, item: dict | None) -> tuple[dict, list[dict]]:
    item = item or {}
    if not is_sourced(model):
        if item.get("sources") or item.get("unverified"):
            raise ValueError(f"{key}: {model.__name__} does not record sources")
        return {}, []
    sources = item.get("sources", [])
    for source in sources:
        if not source.get("url") or not source.get("title"):
            raise ValueError(f"{key}: every source needs a url and a title")
    return {"review_reason": item.get("unverified", "").strip()}, sources


def _save(instance, **kwargs) -> None:
    instance._keep_modified = True  # the loader sets dates itself (see pages/seed.py)
    instance.save(**kwargs)


def _write_sources(instance, sources: list[dict], new=False) -> None:
    if not new:
        instance.sources.all().delete()
    if sources:
        Source.objects.bulk_create(
            Source(
                content_object=instance,
                url=source["url"],
                title=source["title"],
                checked=source.get("checked"),
                position=index * 10,
            )
            for index, source in enumerate(sources, start=1)
        )


def _remember(report, key: str, instance, state: dict, record) -> None:
    if record is not None and record.values == state and record.key == key:
        return
    stale = report.memo.by_key(key)
    if stale is not None and stale is not record:
        stale.delete()
    record = record or SeedRecord(content_type=ContentType.objects.get_for_model(instance))
    record.key, record.object_id = key, instance.pk
    record.values, record.release = state, report.release
    record.save()
    report.memo.put(record)


def seed(
    model, report: SeedReport, key: str, lookup: dict, values: dict, *, item=None, create=True
):
    """Create, update or leave the row of ``model`` matching ``lookup`` (see the rules above).

    ``values`` holds the Japanese text of translated fields by their plain
    names, and untranslated values as they are. ``item`` is the record as read
    from the data file, for its ``sources`` and ``unverified`` reason. Returns
    the instance, or None when it is missing and is not to be created (staff
    deleted it, or ``create`` is false).
    """
    extra, sources = _provenance(model, key, item)
    values = {**values, **extra}
    names = _state_names(model, values)
    wanted = _wanted_state(model, key, values, sources, names)
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        seeded_before = report.memo.by_key(key) is not None
        if not create or seeded_before or report.memo.deleted_by_staff(model, lookup):
            return None
        instance = model(**lookup)
        _apply(instance, key, values)
        _save(instance)
        if is_sourced(model):
            _write_sources(instance, sources, new=True)
        _remember(report, key, instance, wanted, None)
        report.created.append(key)
        return instance
    record = report.memo.for_object(instance)
    state = row_state(instance, {*names, *(record.values if record else ())})
    if untouched(instance, record, state):
        latest = _latest_wins(instance, values)
        if any(state[name] != wanted[name] for name in names) or latest:
            _apply(instance, key, {n: v for n, v in values.items() if n not in LATEST_WINS})
            for name, value in latest.items():
                setattr(instance, name, value)
            _save(instance)
            if is_sourced(model):
                _write_sources(instance, sources)
            report.updated.append(key)
        _remember(report, key, instance, wanted, record)
        return instance
    filled = _fill_translations(instance, key, values)
    if filled:
        _save(instance, update_fields=filled)
        report.filled.extend(f"{key}.{name}" for name in filled)
        state = row_state(instance, names)
    if any(state[name] != wanted[name] for name in names):
        report.kept.append(key)
    return instance


def _latest_wins(instance, values: dict) -> dict:
    return {
        name: values[name]
        for name in LATEST_WINS
        if name in values and values[name] and values[name] > getattr(instance, name)
    }


def _fill_translations(instance, key, values) -> list[str]:
    filled = []
    for language in target_languages():
        texts = content_translations(language)
        for name in translated_fields(type(instance)):
            if name not in values:
                continue
            text = texts.get(f"{key}.{name}")
            column = build_localized_fieldname(name, language)
            if text and values.get(name) and not getattr(instance, column):
                setattr(instance, column, text)
                filled.append(column)
    return filled


def retire(report: SeedReport, rows) -> None:
    """Remove the rows a new release no longer has, unless staff changed (or made) them."""
    for instance in rows:
        record = report.memo.for_object(instance)
        label = record.key if record else f"{instance._meta.label}.{instance.pk}"
        if not untouched(instance, record):
            if record is not None:  # seeded, then changed by staff (rows they made: silent)
                report.kept.append(label)
            continue
        instance._keep_modified = True
        instance.delete()
        if record is not None:
            report.memo.drop(record)
            record.delete()
        report.removed.append(label)
