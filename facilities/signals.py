"""Any staff edit to a location drops the cached pages that show it."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from shinjuku_mynumber.page_cache import invalidate

from .models import (
    ItemToBring,
    Location,
    LocationException,
    LocationHours,
    Service,
    YearlyClosure,
)


def location_changed(sender, **kwargs):
    invalidate("locations")


def closure_changed(sender, **kwargs):
    # Call centres may observe the yearly closures too.
    invalidate("locations", "call_centres")


for model in (Location, LocationHours, LocationException, ItemToBring, Service):
    post_save.connect(location_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}")
    post_delete.connect(location_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}")
m2m_changed.connect(location_changed, sender=Location.services.through)
post_save.connect(closure_changed, sender=YearlyClosure)
post_delete.connect(closure_changed, sender=YearlyClosure)
