"""How much of the site is translated, per language.

Two shares per language:
- content: of every field registered with modeltranslation whose Japanese
  text is not empty, how many have this language's text;
- interface: of the entries of locale/<lang>/LC_MESSAGES/django.po and
  djangojs.po, how many are translated and not fuzzy.

Japanese is the source of the content and English (the msgids) the source of
the interface, so each counts as complete there. Used by `manage.py
translation_status` and the admin's translation status page.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import to_locale
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

CONTENT_SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
INTERFACE_SOURCE_LANGUAGE = "en"
CATALOGUES = ("django.po", "djangojs.po")


@dataclass
class Share:
    done: int = 0
    total: int = 0
    is_source: bool = False
    has_catalogue: bool = True

    @property
    def percent(self) -> float:
        if self.is_source or (self.total == 0 and self.has_catalogue):
            return 100.0
        return 100.0 * self.done / self.total if self.total else 0.0

    def __str__(self):
        if self.is_source:
            return "source"
        if not self.has_catalogue:
            return "no catalogue"
        return f"{self.percent:.1f}% ({self.done}/{self.total})"


@dataclass
class LanguageStatus:
    code: str
    name: str
    content: Share
    interface: Share

    @property
    def lowest_percent(self) -> float:
        return min(self.content.percent, self.interface.percent)


@dataclass
class RecordStatus:
    """A record with Japanese text that lacks some language."""

    model_name: str
    label: str
    admin_url: str | None
    missing: list[str] = field(default_factory=list)


def languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def translated_models():
    """(model, field names) for every model registered with modeltranslation."""
    for model in translator.get_registered_models(abstract=False):
        if model._meta.proxy:
            continue
        yield model, list(translator.get_options_for_model(model).fields)


def _admin_url(obj) -> str | None:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return None


def content_status() -> tuple[dict[str, Share], list[RecordStatus]]:
    """Per language, the share of content fields translated; and the records lacking any."""
    targets = [code for code, _name in languages() if code != CONTENT_SOURCE_LANGUAGE]
    shares = {code: Share() for code in targets}
    records = []
    for model, fields in translated_models():
        for obj in model._base_manager.order_by("pk"):
            missing = set()
            for name in fields:
                source = getattr(obj, build_localized_fieldname(name, CONTENT_SOURCE_LANGUAGE))
                if not str(source or "").strip():
                    continue
                for code in targets:
                    shares[code].total += 1
                    if str(getattr(obj, build_localized_fieldname(name, code)) or "").strip():
                        shares[code].done += 1
                    else:
                        missing.add(code)
            if missing:
                records.append(
                    RecordStatus(
                        model_name=str(model._meta.verbose_name),
                        label=str(obj),
                        admin_url=_admin_url(obj),
                        missing=[code for code in targets if code in missing],
                    )
                )
    shares[CONTENT_SOURCE_LANGUAGE] = Share(is_source=True)
    return shares, records


# --- gettext catalogues ----------------------------------------------------


def catalogue_counts(path: Path) -> tuple[int, int]:
    """(translated and not fuzzy, all) entries of one .po file, without its header."""
    catalogue = polib.pofile(str(path))
    total = sum(1 for entry in catalogue if not entry.obsolete)
    return len(catalogue.translated_entries()), total


def locale_paths() -> list[Path]:
    return [Path(path) for path in settings.LOCALE_PATHS]


def interface_share(code: str) -> Share:
    if code == INTERFACE_SOURCE_LANGUAGE:
        return Share(is_source=True)
    share = Share(has_catalogue=False)
    for base in locale_paths():
        for name in CATALOGUES:
            path = base / to_locale(code) / "LC_MESSAGES" / name
            if path.exists():
                done, total = catalogue_counts(path)
                share.done += done
                share.total += total
                share.has_catalogue = True
    return share


def translation_status() -> tuple[list[LanguageStatus], list[RecordStatus]]:
    content, records = content_status()
    statuses = [
        LanguageStatus(code, name, content[code], interface_share(code))
        for code, name in languages()
    ]
    return statuses, records
