"""Translations that may no longer say what the Japanese says.

Each translated field remembers (TranslationSource) a hash of the Japanese
text it translates, from the moment it matters: when the Japanese of a field
changes and a translation of it does not, that translation is outdated;
saving a new translation, or a member of staff confirming the old one is
still correct, makes it current again. Tracked on every save of a model
registered with modeltranslation, also the raw saves of a restore or an
approval (versioning.py), so a change counts when it goes live.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.db.models.signals import post_save, pre_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from . import versioning
from .models import TranslationSource

SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def digest(text) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()


def other_languages():
    return [c.replace("-", "_") for c, _n in settings.LANGUAGES if c != SOURCE]


def _fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def remember_old_texts(sender, instance, raw=False, **kwargs):
    fields = _fields(sender)
    if not fields or instance.pk is None or (instance._state.adding and not raw):
        return
    names = [build_localized_fieldname(f, c) for f in fields for c in [SOURCE, *other_languages()]]
    instance._old_texts = sender._base_manager.filter(pk=instance.pk).values(*names).first()


def track(sender, instance, created=False, **kwargs):
    old = getattr(instance, "_old_texts", None)
    instance._old_texts = None
    if not old:
        return
    content_type = ContentType.objects.get_for_model(sender)
    page = versioning.page_of(instance)
    existing = {
        (s.field, s.language): s
        for s in TranslationSource.objects.filter(
            content_type=content_type, object_id=str(instance.pk)
        )
    }
    now = timezone.now()
    for field in _fields(sender):
        japanese_name = build_localized_fieldname(field, SOURCE)
        japanese_old, japanese = old[japanese_name], getattr(instance, japanese_name)
        for language in other_languages():
            name = build_localized_fieldname(field, language)
            translation_old, translation = old[name], getattr(instance, name)
            source = existing.get((field, language))
            if not translation:  # missing, not outdated: the translation status lists it
                if source is not None:
                    source.delete()
                continue
            if translation != translation_old:
                source = source or TranslationSource(field=field, language=language)
                source.source_hash, source.outdated = digest(japanese), False
                source.japanese_before = japanese or ""
            elif japanese != japanese_old:
                source = source or TranslationSource(
                    field=field,
                    language=language,
                    source_hash=digest(japanese_old),
                    japanese_before=japanese_old or "",
                )
                source.outdated = source.source_hash != digest(japanese)
                if source.outdated:
                    source.japanese_changed = now
            else:
                continue
            source.content_type, source.object_id = content_type, str(instance.pk)
            source.page_type = ContentType.objects.get_for_model(type(page))
            source.page_id = str(page.pk)
            source.save()


def connect():
    for model in translator.get_registered_models(abstract=False):
        uid = f"stale_translations.{model._meta.label}"
        pre_save.connect(remember_old_texts, sender=model, dispatch_uid=uid)
        post_save.connect(track, sender=model, dispatch_uid=uid)


@dataclass
class PageStaleness:
    """A page's outdated translations in one language: since when, and which to replace."""

    since: object = None
    # (app_label.model, pk) -> fields a publisher chose to show in Japanese meanwhile
    japanese_instead: dict = None

    def mark(self, objects):
        """Set `japanese_instead` on the page's objects (read by the `tr` template tag)."""
        for obj in objects:
            key = (obj._meta.label_lower, str(obj.pk))
            obj.japanese_instead = (self.japanese_instead or {}).get(key, frozenset())


def page_staleness(page, language) -> PageStaleness:
    language = language.replace("-", "_")
    if language == SOURCE:
        return PageStaleness()
    # By app label and model name (a join), not a ContentType lookup: one query, always.
    sources = TranslationSource.objects.filter(
        page_type__app_label=page._meta.app_label,
        page_type__model=page._meta.model_name,
        page_id=str(page.pk),
        language=language,
        outdated=True,
    ).select_related("content_type")
    since, instead = None, {}
    for source in sources:
        if since is None or (source.japanese_changed and source.japanese_changed > since):
            since = source.japanese_changed
        if source.show_japanese:
            key = (f"{source.content_type.app_label}.{source.content_type.model}", source.object_id)
            instead[key] = instead.get(key, frozenset()) | {source.field}
    return PageStaleness(since, instead)


def reader_notice(pages, language, japanese_url) -> dict:
    """The public notice for pages showing `pages` (a location, the call centres), if
    any of their fields is outdated in `language`: the date of the latest Japanese
    change and the Japanese page. One query; none in Japanese."""
    language = language.replace("-", "_")
    pages = list(pages)
    if language == SOURCE or not pages:
        return {}
    opts = pages[0]._meta
    since = TranslationSource.objects.filter(
        page_type__app_label=opts.app_label,
        page_type__model=opts.model_name,
        page_id__in=[str(page.pk) for page in pages],
        language=language,
        outdated=True,
    ).aggregate(since=Max("japanese_changed"))["since"]
    if since is None:
        return {}
    return {"japanese_updated": since, "japanese_url": japanese_url}


def confirm(source):
    """Staff checked it: the translation still says what the Japanese says."""
    record = source.record
    japanese = getattr(record, build_localized_fieldname(source.field, SOURCE)) if record else ""
    source.source_hash, source.outdated = digest(japanese), False
    source.japanese_before = japanese or ""
    source.save()
    return record


def outdated_counts() -> dict[str, int]:
    rows = TranslationSource.objects.filter(outdated=True).values("language")
    counts = dict.fromkeys(other_languages(), 0)
    for row in rows.annotate(n=Count("pk")):
        counts[row["language"]] = row["n"]
    return counts


@dataclass
class OutdatedField:
    source: TranslationSource
    kind: str
    label: str
    field: str
    language: str
    japanese: str
    translation: str
    admin_url: str | None
    japanese_before: str = ""

    @property
    def lang(self):
        return self.source.language.replace("_", "-")

    @property
    def japanese_change(self):
        """The Japanese then (translated) and now, what changed marked <del>/<ins>."""
        return versioning.Change("", old=self.japanese_before, new=self.japanese, language=SOURCE)


def outdated_fields(language=None) -> list[OutdatedField]:
    """Outdated translations, the latest Japanese change first, with both texts."""
    sources = TranslationSource.objects.filter(outdated=True).select_related("content_type")
    if language:
        sources = sources.filter(language=language)
    rows = []
    for source in sources.order_by("-japanese_changed", "pk"):
        record = source.record
        if record is None:
            continue
        model = type(record)
        try:
            admin_url = reverse(
                f"admin:{source.page_type.app_label}_{source.page_type.model}_change",
                args=[source.page_id],
            )
        except NoReverseMatch:
            admin_url = None
        rows.append(
            OutdatedField(
                source=source,
                kind=str(model._meta.verbose_name),
                label=Truncator(strip_tags(str(record))).chars(60),
                field=str(model._meta.get_field(source.field).verbose_name),
                language=versioning.language_name(source.language),
                japanese=strip_tags(
                    getattr(record, build_localized_fieldname(source.field, SOURCE)) or ""
                ).strip(),
                translation=strip_tags(
                    getattr(record, build_localized_fieldname(source.field, source.language)) or ""
                ),
                admin_url=admin_url,
                japanese_before=strip_tags(source.japanese_before).strip(),
            )
        )
    return rows


def refresh_pages(source):
    """Let the public pages showing the record be rendered anew.

    Sent as a raw post_save: the apps' page-cache receivers drop the pages
    that show the record, without touching its "last updated" date.
    """
    record = source.record
    if record is not None:
        post_save.send(type(record), instance=record, created=False, raw=True, using="default")
