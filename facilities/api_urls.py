"""Language-neutral open-data endpoints (outside the language prefix)."""

from django.urls import path  # noqa: F401

urlpatterns = []
