from django.utils.functional import SimpleLazyObject

from . import banners


def site_banners(request):
    """The emergency banners shown now, read only when a template uses them."""
    return {"site_banners": SimpleLazyObject(lambda: banners.shown_at(request))}
