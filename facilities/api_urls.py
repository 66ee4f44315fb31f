"""Language-neutral open-data endpoints (outside the language prefix)."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/v1/locations", views.api_locations, name="api_locations"),
    path("opendata/locations.csv", views.locations_csv, name="opendata_locations_csv"),
]
