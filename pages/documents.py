"""Uploaded documents: what their content must look like, and serving them.

A file's name says what it claims to be; its first bytes say what it is. A
PDF must start like a PDF, office files like their container formats; HTML,
scripts and executables are refused whatever their name. Documents are served
by the app (DEBUG off too) through the storage API, so the storage may move to
a shared backend: with their real type, a Content-Disposition naming the file,
nosniff and caching.
"""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

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
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}
# Contents that browsers or systems would run, whatever the file is called.
DANGEROUS = (b"mz", b"\x7felf", b"#!", b"<", b"\xef\xbb\xbf<")  # compared in lower case
INLINE = {"pdf"}  # shown in the browser; the rest are downloaded
CACHE_SECONDS = 3600


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


def size_limit_text() -> str:
    return filesizeformat(settings.DOCUMENT_MAX_BYTES)


@require_safe
def serve(request, name):
    """A document that a Document row points at (no other stored file is served)."""
    from .models import Document

    if not Document.objects.filter(file=name).exists():
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    kind = extension(name)
    content_type = CONTENT_TYPES.get(kind) or mimetypes.guess_type(name)[0]
    response = FileResponse(
        handle,
        content_type=content_type or "application/octet-stream",
        as_attachment=kind not in INLINE,
        filename=PurePosixPath(name).name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    # Should anything active slip through, it runs in an empty, script-less origin.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    return response
