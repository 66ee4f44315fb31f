"""The banner's message is translated; an empty translation shows the Japanese."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import Banner


@register(Banner)
class BannerTranslation(TranslationOptions):
    fields = ("message",)


# After translation, so each historical record keeps every language's text.
track_history(Banner, app=__package__)
