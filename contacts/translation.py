"""Translated fields of contacts (django-modeltranslation), then versions.

Versions are registered after translation, as in pages/translation.py, so each
version keeps every language's text.
"""

from modeltranslation.translator import TranslationOptions, register

from shinjuku_mynumber.versioning import register as register_versions

from .models import CallCentre, CallCentreHours, CallCentreLanguage, InquiryDesk, PhoneLine


@register(InquiryDesk)
class InquiryDeskTranslation(TranslationOptions):
    fields = ("department", "section_name", "phone_note")


@register(CallCentre)
class CallCentreTranslation(TranslationOptions):
    fields = ("name", "purpose")


@register(PhoneLine)
class PhoneLineTranslation(TranslationOptions):
    fields = ("label",)


# Versions (django-reversion): a page's version holds all its parts.
register_versions(CallCentre, follow=("lines", "languages", "hours"))
for model in (InquiryDesk, PhoneLine, CallCentreLanguage, CallCentreHours):
    register_versions(model)
