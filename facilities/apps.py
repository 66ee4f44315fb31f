from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitiesConfig(AppConfig):
    name = "facilities"
    verbose_name = _("Support desks and terminals")

    def ready(self):
        from . import signals  # noqa: F401  (page-cache invalidation)
