from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import InquiryDesk


@register(InquiryDesk)
class InquiryDeskTranslation(TranslationOptions):
    fields = ("department", "section_name", "phone_note")


track_history(InquiryDesk, app=__package__)
