"""Translated fields of contacts (django-modeltranslation), then history.

History is registered after translation, as in pages/translation.py, so each
historical record keeps every language's text.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

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


for model in (InquiryDesk, CallCentre, PhoneLine, CallCentreLanguage, CallCentreHours):
    track_history(model, app=__package__)
