from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "shinjuku_mynumber"
    verbose_name = "Site"

    def ready(self):
        from . import signals  # noqa: F401
