"""Which fields residents read, and so are translated (django-modeltranslation).

History is registered here, after translation, so that each historical
record keeps every language's text and a restore brings all of them back.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "summary", "task_label", "ended_notice")


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


for model in (Section, Block, ListItem, Benefit, KeyDate, Link, Document, Notice):
    track_history(model, app=__package__)
