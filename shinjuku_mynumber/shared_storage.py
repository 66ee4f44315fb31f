"""Documents in S3-compatible object storage, shared by every app server.

When the storage refuses, times out or answers with an error, the save raises
`StorageUnavailable`: the admin shows a clear page
(shinjuku_mynumber.middleware.StorageErrorMiddleware) and the transaction
around the save undoes the database side, so no row points at a missing file.
A failed upload leaves no object behind (S3 stores a PUT whole or not at all;
s3transfer aborts a failed multipart upload).
"""

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .storage import StorageUnavailable


class SharedDocumentStorage(S3Storage):
    def save(self, name, content, max_length=None):
        # All of it: choosing a free name asks the storage too (file_overwrite is off).
        try:
            return super().save(name, content, max_length=max_length)
        except (Boto3Error, BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"The document storage did not take {name}") from error

    def _open(self, name, mode="rb"):
        # Opening to read asks S3 for the object's head at once: a storage that
        # is down fails here (a 503 page), not halfway through a response.
        try:
            return super()._open(name, mode)
        except (Boto3Error, BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"The document storage did not give {name}") from error
