"""The staff's readings, as the annotator needs them, cached for every process."""

from django.core.cache import cache

CACHE_KEY = "furigana:readings"


def staff_readings() -> dict[str, str]:
    found = cache.get(CACHE_KEY)
    if found is None:
        from .models import Reading

        found = dict(Reading.objects.values_list("surface", "reading"))
        cache.set(CACHE_KEY, found, timeout=None)
    return found


def forget() -> None:
    cache.delete(CACHE_KEY)
