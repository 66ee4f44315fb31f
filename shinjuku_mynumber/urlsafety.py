"""Which addresses staff may give for links and documents, checked in forms and at render.

Only web addresses (https:, http:) and paths on this site: `javascript:`,
`data:` and the like run code in the reader's browser; "//host" and "/\\host"
are other sites.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

_WEB = URLValidator(schemes=["http", "https"])


def is_web_url(value: str) -> bool:
    try:
        _WEB(value)
    except ValidationError:
        return False
    return urlsplit(value).scheme in ("http", "https")


def is_site_path(value: str) -> bool:
    return (
        value.startswith("/")
        and not value.startswith(("//", "/\\"))
        and "\\" not in value
        and not any(ord(char) < 0x21 for char in value)
    )


def is_safe_url(value: str) -> bool:
    return is_web_url(value) or is_site_path(value)


def validate_safe_url(value: str) -> None:
    if not is_safe_url(value):
        raise ValidationError(
            _(
                "Enter a full address starting with https:// (or http://), or a path on this site starting with /."
            ),
            code="unsafe_url",
        )
