"""A small fixed-window rate limit per client address, kept in the cache only.

The address (shinjuku_mynumber.client_ip: the same as the sign-in lock-out
uses) is never stored: the cache key holds a keyed hash of it (salted with
SECRET_KEY), which expires with the window. IPv6 addresses count per /64
network, since one host can hold a whole /64.

`is_limited` only looks; `count` counts. The survey counts only answers it
stores, so invalid posts and bots cannot use up the allowance of everyone
behind a shared address (a ward Wi-Fi, a carrier NAT).
"""

import logging
import re
import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from shinjuku_mynumber.client_ip import client_network

logger = logging.getLogger(__name__)

_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "10/10m" -> (10, 600): at most 10 in 600 seconds. "5/h" -> (5, 3600)."""
    match = _RATE.fullmatch(rate)
    if not match:
        raise ValueError(f"Not a rate like '10/10m': {rate!r}")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _UNIT_SECONDS[unit]


def _key(request, scope: str, period: int, extra: str) -> str:
    window = int(time.time() // period)
    subject = f"{client_network(request)}|{extra}"
    digest = salted_hmac(f"ratelimit:{scope}", subject, algorithm="sha256").hexdigest()
    return f"ratelimit:{scope}:{window}:{digest}"


def is_limited(request, scope: str, rate: str, extra: str = "") -> bool:
    """Whether the address (and `extra`, e.g. the page) has used up `rate`.

    When the cache is unreachable the request is let through: the survey
    must not fail because the limiter cannot count.
    """
    limit, period = parse_rate(rate)
    try:
        return (cache.get(_key(request, scope, period, extra)) or 0) >= limit
    except Exception:
        logger.warning("Rate limit not applied: the cache is unavailable", exc_info=True)
        return False


def count(request, scope: str, rate: str, extra: str = "") -> None:
    """Count one use against `rate` for the address (and `extra`)."""
    _limit, period = parse_rate(rate)
    key = _key(request, scope, period, extra)
    try:
        if not cache.add(key, 1, timeout=period):
            cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
    except Exception:
        logger.warning("Rate limit not counted: the cache is unavailable", exc_info=True)
