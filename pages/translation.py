"""Which fields residents read, and so are translated (django-modeltranslation).

Versions are registered here, after translation, so that each version keeps
every language's text and a restore brings all of them back.
"""

from modeltranslation.translator import TranslationOptions, register

from shinjuku_mynumber.versioning import register as register_versions

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "summary", "ended_notice")


@register(Block)
class BlockTranslation(TranslationOptions):
    fields = ("heading", "text")


@register(ListItem)
class ListItemTranslation(TranslationOptions):
    fields = ("text",)


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("title", "tagline", "body")


@register(KeyDate)
class KeyDateTranslation(TranslationOptions):
    fields = ("text",)


@register(Link)
class LinkTranslation(TranslationOptions):
    fields = ("label",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = ("title", "body")


# Versions (django-reversion): a page's version holds all its parts.
register_versions(
    Section, follow=("blocks", "benefits", "key_dates", "links", "documents", "notices")
)
register_versions(Block, follow=("items",))
for model in (ListItem, Benefit, KeyDate, Link, Document, Notice):
    register_versions(model)
