from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "shinjuku_mynumber"
    verbose_name = "Site"

    def ready(self):
        # Every app's translated fields are registered by now (modeltranslation is first).
        from . import stale_translations

        stale_translations.connect()
