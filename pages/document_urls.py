"""/media/<name>: uploaded documents, outside the language prefixes."""

from django.conf import settings
from django.urls import path

from . import documents

urlpatterns = [
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", documents.serve, name="document"),
]
