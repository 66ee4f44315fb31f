"""What the index holds for each section, location and call centre, per language.

The text is what the page shows in that language, with the page's own honest
fallback: where a field has no translation the Japanese text stands in (and is
searched), and a result whose title is Japanese says so.
"""

from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from contacts.models import CallCentre, PhoneLine
from facilities.models import ItemToBring, Location, Service
from pages.models import Block, Section
from shinjuku_mynumber.publishing import Status, local_today

SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Document:
    kind: str
    object_id: int
    language: str
    url: str
    title: str
    fallback: bool
    position: int = 0
    shown_from: object = None
    shown_until: object = None
    headings: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def value(obj, name, language) -> tuple[str, bool]:
    """(text in the language or else in Japanese, whether it is the Japanese)."""
    if language != SOURCE:
        text = getattr(obj, build_localized_fieldname(name, language), "")
        if text:
            return text, False
    return getattr(obj, build_localized_fieldname(name, SOURCE), "") or "", language != SOURCE


def text(obj, name, language) -> str:
    return " ".join(value(obj, name, language)[0].split())


def rich_text(obj, name, language) -> str:
    """Rich text (RichTextField) as the words a reader sees."""
    html = value(obj, name, language)[0].replace("<br>", " ")
    return " ".join(unescape(strip_tags(html)).split())


def _absolute_url(obj, language):
    with override(language):
        return obj.get_absolute_url()


# --- sections ---------------------------------------------------------------


def sections():
    """Sections that are published (their dates are checked at query time)."""
    return (
        Section.objects.filter(status=Status.PUBLISHED)
        .prefetch_related(
            Prefetch("blocks", queryset=Block.objects.prefetch_related("items")),
            "benefits",
            "key_dates",
            "links",
            "documents",
        )
        .order_by("position", "pk")
    )


def section_documents(section):
    ended = section.has_ended(local_today())
    for language in LANGUAGES:
        title, fallback = value(section, "title", language)
        document = Document(
            "section",
            section.pk,
            language,
            _absolute_url(section, language),
            title,
            fallback,
            section.position,
            section.shown_from,
            section.shown_until,
        )
        document.body.append(text(section, "summary", language))
        for block in section.blocks.all():
            if ended and block.hide_when_ended:
                continue
            if block.heading_ja:
                document.headings.append(text(block, "heading", language))
            document.body.append(rich_text(block, "text", language))
            document.body.extend(rich_text(item, "text", language) for item in block.items.all())
        for benefit in section.benefits.all():
            document.headings.append(text(benefit, "title", language))
            document.body += [text(benefit, "tagline", language), text(benefit, "body", language)]
        document.body += [text(fact, "text", language) for fact in section.key_dates.all()]
        document.body += [text(doc, "title", language) for doc in section.documents.all()]
        document.body += [text(link, "label", language) for link in section.links.all()]
        yield document


# --- locations and call centres ----------------------------------------------

# Listed after the pages of the site: a page explains, a location is where to go.
LOCATION_POSITION = 10_000
CALL_CENTRE_POSITION = 20_000


def locations():
    return (
        Location.objects.filter(status=Status.PUBLISHED)
        .prefetch_related(
            Prefetch("services", queryset=Service.objects.all()),
            Prefetch("items_to_bring", queryset=ItemToBring.objects.all()),
        )
        .order_by("position", "pk")
    )


def location_documents(location):
    for language in LANGUAGES:
        title, fallback = value(location, "name", language)
        document = Document(
            "location",
            location.pk,
            language,
            _absolute_url(location, language),
            title,
            fallback,
            LOCATION_POSITION + location.position,
            location.shown_from,
            location.shown_until,
        )
        with override(language):
            document.headings.append(str(location.get_kind_display()))
        document.body += [
            text(location, "address", language),
            text(location, "floor", language),
            *[text(service, "name", language) for service in location.services.all()],
            text(location, "notes", language),
            text(location, "access", language),
            text(location, "accessibility", language),
            *[text(item, "text", language) for item in location.items_to_bring.all()],
        ]
        yield document


def call_centres():
    return CallCentre.objects.prefetch_related(
        Prefetch("lines", queryset=PhoneLine.objects.all())
    ).order_by("position", "pk")


def call_centre_documents(centre):
    for language in LANGUAGES:
        title, fallback = value(centre, "name", language)
        document = Document(
            "call_centre",
            centre.pk,
            language,
            _absolute_url(centre, language),
            title,
            fallback,
            CALL_CENTRE_POSITION + centre.position,
        )
        document.body.append(text(centre, "purpose", language))
        for line in centre.lines.all():
            document.body.append(f"{text(line, 'label', language)} {line.phone_display}")
        yield document


KINDS = {
    "section": (sections, section_documents),
    "location": (locations, location_documents),
    "call_centre": (call_centres, call_centre_documents),
}
