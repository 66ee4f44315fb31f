"""File storage for uploaded documents: a full disk leaves no partial file.

Django's FileSystemStorage leaves whatever it had written when a write fails;
this one removes it and raises `StorageFull`, which the admin shows as a
clear error (shinjuku_mynumber.middleware.StorageErrorMiddleware) while the
surrounding transaction undoes the database side.
"""

import errno
import os

from django.core.files.storage import FileSystemStorage


class StorageFull(OSError):
    pass


class StorageUnavailable(OSError):
    """The shared storage (S3) refused, hung or failed: nothing was stored."""


class DocumentStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                full_path = self.path(name)
                if os.path.exists(full_path):
                    os.remove(full_path)
                raise StorageFull(error.errno, "No space left for the upload", name) from error
            raise
