"""A small fixed-window rate limit per client address, kept in the cache only.

The address is never stored: the cache key holds a keyed hash of it (salted
with SECRET_KEY), which expires with the window. IPv6 addresses count per
/64 network, since one host can hold a whole /64.
"""

import ipaddress
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

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


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or, behind PROXY_COUNT trusted
    proxies, the address the outermost of them saw (X-Forwarded-For)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if proxies and len(forwarded) >= proxies:
        address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def is_limited(request, scope: str, rate: str) -> bool:
    """Count this request; True once the address has gone over `rate`.

    When the cache is unreachable the request is let through: the survey
    must not fail because the limiter cannot count.
    """
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    digest = salted_hmac(
        f"ratelimit:{scope}", client_address(request), algorithm="sha256"
    ).hexdigest()
    key = f"ratelimit:{scope}:{window}:{digest}"
    try:
        cache.add(key, 0, timeout=period)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    except Exception:
        logger.warning("Rate limit not applied: the cache is unavailable", exc_info=True)
        return False
    return count > limit
