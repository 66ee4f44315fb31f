"""Whole-page versions (django-reversion): snapshots, restores and readable changes.

A "page" is a root record (a section, a location, a call centre, an inquiry
desk) with every part reversion follows from it (registered with `register`
in each app's translation.py, after the translated fields exist, so a version
keeps every language). One revision holds the whole page as it was saved; a
restore brings back every part and deletes the parts added since.

A revision may also hold a change that is not live yet (pages/review.py keeps
it as a pending change); `live_versions` leaves those out of the history.
"""

import difflib
import json
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Revision, Version

from .l10n import html_lang

# model -> names of the relations a version follows (its parts)
FOLLOW: dict[type[models.Model], tuple[str, ...]] = {}
# Fields that change on every save or only point back to the page: not "changes".
NOT_CHANGES = {"modified", "created", "file_size"}


def register(model, follow=()):
    FOLLOW[model] = tuple(follow)
    reversion.register(model, follow=follow)


def page_objects(root):
    """The root and every part it follows, depth first, in each relation's order."""
    found = [root]
    for name in FOLLOW.get(type(root), ()):
        for part in getattr(root, name).all():
            found.extend(page_objects(part))
    return found


def page_of(obj):
    """The page `obj` is part of (a block's section), or `obj` itself."""
    for model, follows in FOLLOW.items():
        for name in follows:
            relation = model._meta.get_field(name)
            if isinstance(obj, relation.related_model):
                parent = getattr(obj, relation.field.name, None)
                if parent is not None and type(parent) is model:
                    return page_of(parent)
    return obj


def _parent_fields():
    """Foreign keys from a part to the record that follows it ("section", "block")."""
    names = set()
    for model, follows in FOLLOW.items():
        for name in follows:
            relation = model._meta.get_field(name)
            names.add((relation.related_model, relation.field.name))
    return names


# --- States: a page as a mapping (model, pk) -> fields ---------------------------


@dataclass
class Item:
    model: type[models.Model]
    pk: str
    fields: dict
    label: str

    @property
    def key(self):
        return (self.model._meta.label, self.pk)


def _item(model, pk, serialized, label):
    data = json.loads(serialized)[0]
    fields = {**data["fields"]}
    return Item(model, str(pk), fields, label)


def live_state(root) -> dict:
    items = {}
    for obj in page_objects(root):
        item = _item(type(obj), obj.pk, serializers.serialize("json", [obj]), str(obj))
        items[item.key] = item
    return items


def revision_state(revision) -> dict:
    items = {}
    for version in revision.version_set.select_related("content_type"):
        model = version.content_type.model_class()
        if model is None:  # a model since removed
            continue
        item = _item(model, version.object_id, version.serialized_data, version.object_repr)
        items[item.key] = item
    return items


def serialized_versions(root) -> list[dict]:
    """The page as reversion would store it, for a revision saved later (a pending one)."""
    db = router.db_for_write(type(root))
    return [
        {
            "content_type": ContentType.objects.get_for_model(type(obj)),
            "object_id": str(obj.pk),
            "db": db,
            "format": "json",
            "serialized_data": serializers.serialize("json", [obj]),
            "object_repr": str(obj)[:191],
        }
        for obj in page_objects(root)
    ]


def save_revision(versions: list[dict], user, comment) -> Revision:
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    Version.objects.bulk_create(Version(revision=revision, **v) for v in versions)
    return revision


def snapshot(root, user, comment=""):
    """Record the page as it is now as a new live revision."""
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(root)


def live_versions(root):
    """The root's versions in live revisions (newest first), not pending ones."""
    return (
        Version.objects.get_for_object(root)
        .filter(revision__pending_change__isnull=True)
        .select_related("revision__user")
    )


def edit_token(root, pending=None) -> str:
    """What a change form was based on: the page's latest revision and its pending change."""
    latest = live_versions(root).values_list("revision_id", flat=True).first() or 0
    if pending is None:
        return str(latest)
    return f"{latest}.{pending.pk}.{pending.updated.timestamp()}"


def apply_revision(revision, root, user, comment, keep=()):
    """Make `revision` the live page (all parts; parts added since are deleted).

    `keep`: fields of the root that keep their current value (publishing state).
    The result is recorded as a new revision by `user`.
    """
    model = type(root)
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=root.pk)
        kept = {name: getattr(current, name) for name in keep}
        revision.revert(delete=True)
        restored = model.objects.get(pk=root.pk)
        for name, value in kept.items():
            setattr(restored, name, value)
        # An ordinary save: "last updated" moves on and the page cache is refreshed.
        restored.save()
        snapshot(restored, user, comment)
    return restored


# --- Readable changes -----------------------------------------------------------------


def language_name(code):
    """A language by its own name (日本語, English, 简体中文), as the site's switcher."""
    names = {c.replace("-", "_"): name for c, name in settings.LANGUAGES}
    return names.get(code, code)


def _translated_fields(model):
    """Localized field name -> (original field, language code); original fields -> None."""
    names = {}
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return names
    for original, translated_fields in options.all_fields.items():
        names[original] = None
        for translated in translated_fields:
            names[translated.name] = (original, translated.language)
    return names


def _display(model, name, value):
    if value in (None, ""):
        return ""
    model_field = _field_or_none(model, name)
    if model_field is None:  # a field since removed
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(model_field, models.ForeignKey):
        target = model_field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target else str(value)
    if isinstance(value, list):
        related = model_field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(map(str, related))
    return strip_tags(str(value)).strip()


def _language_order(code):
    codes = [c.replace("-", "_") for c, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


@dataclass
class Change:
    sentence: str
    old: str = ""
    new: str = ""
    language: str = ""
    part: str = ""
    details: list = field(default_factory=list)

    @property
    def lang(self):
        return html_lang(self.language.replace("_", "-"))

    @property
    def old_html(self):
        return _marked(self.old, self.new, "del")

    @property
    def new_html(self):
        return _marked(self.old, self.new, "ins")


def _marked(old, new, tag):
    """The text with what the other side lacks marked <del> or <ins>."""
    text = old if tag == "del" else new
    if not old or not new:
        return text
    pieces = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.5:  # rewritten rather than edited: marks would be noise
        return text
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        chunk = old[a1:a2] if tag == "del" else new[b1:b2]
        if not chunk:
            continue
        pieces.append((chunk, op != "equal"))
    return format_html_join(
        "",
        "{}",
        ((format_html(f"<{tag}>{{}}</{tag}>", c) if marked else c,) for c, marked in pieces),
    )


def part_label(item):
    return gettext("%(kind)s “%(name)s”") % {
        "kind": item.model._meta.verbose_name,
        "name": Truncator(strip_tags(item.label).strip()).chars(40),
    }


def describe_changes(before: dict, after: dict) -> list[Change]:
    """What turns the page `before` into `after`, as sentences a member of staff reads."""
    parents = _parent_fields()
    changes = []
    for key in before.keys() - after.keys():
        item = before[key]
        changes.append(Change(gettext("Removed %(part)s.") % {"part": part_label(item)}))
    for key in after.keys() - before.keys():
        item = after[key]
        changes.append(Change(gettext("Added %(part)s.") % {"part": part_label(item)}))
    for key in [k for k in after if k in before]:
        old, new = before[key], after[key]
        changes.extend(_field_changes(old, new, parents))
    return changes


def _field_changes(old, new, parents):
    model = new.model
    translated = _translated_fields(model)
    rows = []
    for name in new.fields.keys() | old.fields.keys():
        if name in NOT_CHANGES or translated.get(name, ()) is None:
            continue
        model_field = _field_or_none(model, name)
        if model_field is not None and (model_field.related_model, name) in parents:
            continue
        before, after = old.fields.get(name), new.fields.get(name)
        if before == after or (before in (None, "") and after in (None, "")):
            continue
        original, language = translated.get(name, (name, ""))
        verbose = _field_or_none(model, original)
        field_name = str(verbose.verbose_name) if verbose is not None else original
        values = {"field": field_name, "part": part_label(new)}
        if language:
            values["language"] = language_name(language)
            sentence = gettext("Changed the %(field)s (%(language)s) of %(part)s.") % values
        else:
            sentence = gettext("Changed the %(field)s of %(part)s.") % values
        order = (_language_order(language) if language else -1, name)
        rows.append(
            (
                order,
                Change(
                    sentence,
                    old=_display(model, name, before),
                    new=_display(model, name, after),
                    language=language,
                    part=part_label(new),
                ),
            )
        )
    return [change for _order, change in sorted(rows, key=lambda row: row[0])]


def _field_or_none(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a field since removed
        return None


@dataclass
class HistoryEntry:
    version: Version
    changes: list[Change]

    @property
    def revision(self):
        return self.version.revision

    @property
    def languages(self):
        codes = sorted({c.language for c in self.changes if c.language}, key=_language_order)
        return [language_name(code) for code in codes]


def history(root, limit=50) -> list[HistoryEntry]:
    """One entry per saved revision of the page, newest first, with what it changed."""
    versions = list(live_versions(root)[: limit + 1])
    states = [revision_state(v.revision) for v in versions]
    entries = []
    for index, version in enumerate(versions[:limit]):
        before = states[index + 1] if index + 1 < len(states) else {}
        changes = describe_changes(before, states[index]) if before else []
        entries.append(HistoryEntry(version, changes))
    return entries
