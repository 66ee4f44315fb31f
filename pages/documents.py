"""Uploaded documents, served by the app (DEBUG off too) through the storage
API, so the storage may be shared by every app server: with their real type,
a Content-Disposition naming the file, nosniff and caching. What their content
must look like is checked on upload (validators.py).
"""

import mimetypes
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from shinjuku_mynumber.storage import StorageUnavailable

from .models import Document
from .validators import extension

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
INLINE = {"pdf"}  # shown in the browser; the rest are downloaded
CACHE_SECONDS = 3600


@require_safe
def serve(request, name):
    """A document that a Document row points at (no other stored file is served)."""
    if not Document.objects.filter(file=name).exists():
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except StorageUnavailable:
        raise  # the storage is down, the document is not gone: a 503 (middleware.py)
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
