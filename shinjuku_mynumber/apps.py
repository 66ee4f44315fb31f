from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class SiteConfig(AppConfig):
    default = True
    name = "shinjuku_mynumber"
    verbose_name = "Site"

    def ready(self):
        # Every app's translated fields are registered by now (modeltranslation is first).
        from . import (
            signals,  # noqa: F401
            stale_translations,
        )

        stale_translations.connect()


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: sign-in with a second factor for staff."""

    default = False
    default_site = "shinjuku_mynumber.admin_site.StaffAdminSite"
