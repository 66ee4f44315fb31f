from django.contrib import admin

from .admin_base import ContentAdmin
from .models import Banner


@admin.register(Banner)
class BannerAdmin(ContentAdmin):
    list_display = ("message", "starts_at", "ends_at")
    fields = ("message", "starts_at", "ends_at")
    date_hierarchy = "starts_at"
