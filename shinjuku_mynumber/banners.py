"""Which banners are shown now, and when that next changes.

The list of banners that have not ended is remembered until staff edit a
banner (tag "banner"); which of them is shown is decided at each request
from the clock, so no cached value ever outlives a start or an end.
"""

import datetime
import logging

from django.db import DatabaseError
from django.utils import timezone

from . import page_cache

logger = logging.getLogger(__name__)
TAG = "banner"


def _upcoming():
    from .models import Banner

    return page_cache.remember("banners-not-ended", [TAG], lambda: list(Banner.objects.not_ended()))


def upcoming_banners():
    """Banners not ended when last read; [] when the database is down (error pages)."""
    try:
        return _upcoming()
    except DatabaseError:
        logger.warning("Banners not read: database unavailable", exc_info=True)
        return []


def shown_at(moment=None):
    moment = moment or timezone.now()
    return [banner for banner in upcoming_banners() if banner.is_shown_at(moment)]


def seconds_until_change(moment=None) -> int | None:
    """Seconds until a banner starts or ends, or None when none will."""
    moment = moment or timezone.now()
    changes = [
        when
        for banner in upcoming_banners()
        for when in (banner.starts_at, banner.ends_at)
        if when > moment
    ]
    if not changes:
        return None
    gap: datetime.timedelta = min(changes) - moment
    return max(1, int(gap.total_seconds()))
