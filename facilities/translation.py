"""Translated fields of locations (django-modeltranslation), then history.

History is registered after translation, as in pages/translation.py, so each
historical record keeps every language's text.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import (
    ItemToBring,
    Location,
    LocationException,
    LocationHours,
    Service,
    YearlyClosure,
)


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "address", "floor", "notes", "access", "accessibility", "phone_note")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name",)


@register(ItemToBring)
class ItemToBringTranslation(TranslationOptions):
    fields = ("text",)


@register(LocationException)
class LocationExceptionTranslation(TranslationOptions):
    fields = ("note",)


@register(YearlyClosure)
class YearlyClosureTranslation(TranslationOptions):
    fields = ("name",)


for model in (Location, LocationHours, LocationException, ItemToBring, Service, YearlyClosure):
    track_history(model, app=__package__)
