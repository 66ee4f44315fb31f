"""A banner edit refreshes every cached page (they all carry the "banner" tag)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .banners import TAG
from .models import Banner
from .page_cache import invalidate


@receiver(post_save, sender=Banner)
@receiver(post_delete, sender=Banner)
def banner_changed(sender, **kwargs):
    invalidate(TAG)
