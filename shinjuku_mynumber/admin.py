from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .admin_base import LANGUAGE_TABS_JS
from .models import Banner


@admin.register(Banner)
class BannerAdmin(TabbedTranslationAdmin):
    """Urgent notices go live at their start time without a review step."""

    list_display = ("message", "starts_at", "ends_at")
    fields = ("message", "starts_at", "ends_at")
    date_hierarchy = "starts_at"

    class Media:
        js = (LANGUAGE_TABS_JS,)
