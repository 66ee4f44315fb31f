from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FuriganaConfig(AppConfig):
    name = "pages.furigana"
    label = "furigana"
    verbose_name = _("Furigana")

    def ready(self):
        from . import signals  # noqa: F401  (page-cache invalidation)
