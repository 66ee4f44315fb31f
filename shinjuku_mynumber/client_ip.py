"""The visitor's address, one way for the whole site (sign-in lock-out, survey rate limit).

Behind `PROXY_COUNT` proxies of our own (e.g. nginx, then Varnish), each of
them appends the address it saw to X-Forwarded-For, so the client is the
PROXY_COUNT-th entry from the right; anything to its left was written by the
client and is ignored (a rotating X-Forwarded-For buys nothing). With
PROXY_COUNT=0 the header is ignored and REMOTE_ADDR is the client.

django-ipware parses and validates the addresses; we hand it only the entries
our proxies wrote, because its own proxy counting assumes a chain shape
("client, proxy1, ...") that nginx and Varnish do not produce.
"""

import ipaddress
import logging

from django.conf import settings
from ipware import get_client_ip

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The client's IP address as a string ("" when none can be found)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if not proxies:
        return _valid(remote)
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < proxies:
        # Not through all of our proxies (a health check from inside, or a
        # misconfigured front): the direct peer is all we know.
        return _valid(remote)
    ours = forwarded[-proxies:]
    meta = {"HTTP_X_FORWARDED_FOR": ", ".join(ours), "REMOTE_ADDR": remote}
    address, _routable = get_client_ip(
        _Meta(meta),
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    )
    return address or _valid(remote)


def client_network(request) -> str:
    """The address as a rate-limit key: IPv6 per /64 (one host may hold a whole /64)."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _valid(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


class _Meta:
    """What ipware reads from a request: its META."""

    def __init__(self, meta):
        self.META = meta
