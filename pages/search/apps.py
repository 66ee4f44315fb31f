from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "pages.search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        from . import signals  # noqa: F401  (the index follows every edit)
