from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber.admin_base import (
    ContentAdmin,
    PublishingAdminMixin,
    TranslatedTabularInline,
)

from . import hours
from .models import (
    ItemToBring,
    Location,
    LocationException,
    LocationHours,
    Service,
    YearlyClosure,
    attach_status,
)


class LocationHoursInline(admin.TabularInline):
    model = LocationHours
    extra = 0


class LocationExceptionInline(TranslatedTabularInline):
    model = LocationException
    fields = ("date", "is_closed", "opens", "closes", "note")


class ItemToBringInline(TranslatedTabularInline):
    model = ItemToBring
    fields = ("text", "position")


@admin.register(Location)
class LocationAdmin(PublishingAdminMixin, ContentAdmin):
    publish_permission = "facilities.publish_location"
    list_display = ("name", "kind", "floor", "open_now", "status", "position")
    list_filter = ("kind", "status")
    search_fields = ("name", "address")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("services",)
    inlines = [LocationHoursInline, LocationExceptionInline, ItemToBringInline]
    fieldsets = [
        (None, {"fields": ("kind", "name", "name_kana", "slug", "address", "floor")}),
        (
            _("For residents"),
            {"fields": ("services", "notes", "access", "accessibility", "phone", "phone_note")},
        ),
        (_("Map"), {"fields": ("latitude", "longitude")}),
        (
            _("Publishing"),
            {"fields": ("status", "shown_from", "shown_until", "observes_yearly_closures")},
        ),
        (None, {"fields": ("position",)}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_details()

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.result_list = attach_status(changelist.result_list)
        return changelist

    @admin.display(description=_("now"))
    def open_now(self, obj):
        return hours.describe(getattr(obj, "open_status", None) or obj.status_at())


@admin.register(Service)
class ServiceAdmin(ContentAdmin):
    list_display = ("name", "key", "position")
    readonly_fields = ("key",)


@admin.register(YearlyClosure)
class YearlyClosureAdmin(ContentAdmin):
    list_display = ("name", "start_month", "start_day", "end_month", "end_day")
