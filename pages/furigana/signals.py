"""A corrected reading shows at once: every furigana page carries the
"furigana" page-cache tag (see middleware.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shinjuku_mynumber.page_cache import invalidate

from . import readings
from .models import Reading

CACHE_TAG = "furigana"


@receiver(post_save, sender=Reading)
@receiver(post_delete, sender=Reading)
def reading_changed(sender, instance, **kwargs):
    readings.forget()
    invalidate(CACHE_TAG)
