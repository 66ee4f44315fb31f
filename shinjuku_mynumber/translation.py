"""The banner's message is translated; an empty translation shows the Japanese."""

from modeltranslation.translator import TranslationOptions, register

from .models import Banner


@register(Banner)
class BannerTranslation(TranslationOptions):
    fields = ("message",)
