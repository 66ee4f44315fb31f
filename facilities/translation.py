"""Translated fields of locations (django-modeltranslation), then versions.

Versions are registered after translation, as in pages/translation.py, so each
version keeps every language's text.
"""

from modeltranslation.translator import TranslationOptions, register

from shinjuku_mynumber.versioning import register as register_versions

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
    fields = (
        "name", "address", "floor", "notes", "access", "accessibility", "phone_note",
        "language_note",
    )  # fmt: skip


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


# Versions (django-reversion): a page's version holds all its parts.
register_versions(Location, follow=("hours", "exceptions", "items_to_bring"))
for model in (LocationHours, LocationException, ItemToBring, Service, YearlyClosure):
    register_versions(model)
