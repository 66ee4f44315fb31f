"""What an uploaded document must be: not too large, and its first bytes
matching its kind. A file's name says what it claims to be; its first bytes
say what it is. A PDF must start like a PDF, office files like their container
formats; HTML, scripts and executables are refused whatever their name.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
}
# Contents that browsers or systems would run, whatever the file is called.
DANGEROUS = (b"mz", b"\x7felf", b"#!", b"<", b"\xef\xbb\xbf<")  # compared in lower case


def extension(name: str) -> str:
    return PurePosixPath(name).suffix.lstrip(".").lower()


def validate_document_content(file):
    """Refuse a file whose first bytes do not match its kind."""
    kind = extension(file.name)
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    stripped = head.lstrip()
    if not head or any(stripped.lower().startswith(sign) for sign in DANGEROUS):
        raise ValidationError(
            _(
                "This file is not a real %(kind)s document: its content looks like a web page, "
                "a script or a program. Upload the document itself."
            ),
            params={"kind": kind.upper()},
            code="dangerous_content",
        )
    signatures = SIGNATURES.get(kind)
    if signatures and not head.startswith(signatures):
        raise ValidationError(
            _(
                "This file is not a real %(kind)s document: its content does not start like "
                "one. Save or export it again as %(kind)s and upload that file."
            ),
            params={"kind": kind.upper()},
            code="wrong_content",
        )


def validate_document_size(file):
    if file.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES),
            },
            code="file_too_large",
        )
