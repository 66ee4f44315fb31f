"""Which banners are shown now, and when that next changes.

Which banner is shown is decided at each render from the clock; a cached page
never lives past the next start or end (page_cache.limit_lifetime), and an
edit of a banner clears every page (tag "banner").
"""

import datetime
import logging

from django.db import DatabaseError
from django.utils import timezone

from .language_columns import only_reader_language
from .read_once import once_per_request

logger = logging.getLogger(__name__)
TAG = "banner"


def _upcoming():
    """Banners not ended when read; [] when the database is down (error pages)."""
    from .models import Banner

    try:
        return list(only_reader_language(Banner.objects.not_ended()))
    except DatabaseError:
        logger.warning("Banners not read: database unavailable", exc_info=True)
        return []


def upcoming_banners(request=None):
    """Read once per request: the page shows them and the page cache asks when
    they next change."""
    return once_per_request(request, "banners", _upcoming)


def shown_at(request=None, moment=None):
    moment = moment or timezone.now()
    return [banner for banner in upcoming_banners(request) if banner.is_shown_at(moment)]


def seconds_until_change(request=None, moment=None) -> int | None:
    """Seconds until a banner starts or ends, or None when none will."""
    moment = moment or timezone.now()
    changes = [
        when
        for banner in upcoming_banners(request)
        for when in (banner.starts_at, banner.ends_at)
        if when > moment
    ]
    if not changes:
        return None
    gap: datetime.timedelta = min(changes) - moment
    return max(1, int(gap.total_seconds()))
