from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models import fields
from django.utils.translation import gettext_lazy as _


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
        # Every select's empty choice (Django's "- Select an option -", untranslated
        # in Japanese) reads 「選択してください」 to staff, and in each visitor's language.
        fields.BLANK_CHOICE_LABEL = _("Please choose")


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: sign-in with a second factor for staff."""

    default = False
    default_site = "shinjuku_mynumber.admin_site.StaffAdminSite"
