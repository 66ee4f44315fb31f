from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from facilities import hours
from facilities.models import YearlyClosure, attach_status
from shinjuku_mynumber.admin_base import ContentAdmin, TranslatedTabularInline

from .models import CallCentre, CallCentreHours, CallCentreLanguage, InquiryDesk, PhoneLine


class PhoneLineInline(TranslatedTabularInline):
    model = PhoneLine
    fields = ("label", "phone", "position")


class CallCentreLanguageInline(admin.TabularInline):
    model = CallCentreLanguage
    extra = 0


class CallCentreHoursInline(admin.TabularInline):
    model = CallCentreHours
    extra = 0


@admin.register(CallCentre)
class CallCentreAdmin(ContentAdmin):
    list_display = ("name", "open_now", "position")
    inlines = [PhoneLineInline, CallCentreLanguageInline, CallCentreHoursInline]
    fields = ("name", "purpose", "is_always_open", "observes_yearly_closures", "position")

    def get_queryset(self, request):
        return super().get_queryset(request).with_details()

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.result_list = attach_status(
            changelist.result_list, closures=list(YearlyClosure.objects.all())
        )
        return changelist

    @admin.display(description=_("now"))
    def open_now(self, obj):
        return hours.describe(getattr(obj, "open_status", None) or obj.status_at())


@admin.register(InquiryDesk)
class InquiryDeskAdmin(ContentAdmin):
    list_display = ("department", "section_name", "phone", "is_site_default")
