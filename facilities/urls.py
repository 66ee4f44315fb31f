from django.urls import path

from . import views

app_name = "facilities"
urlpatterns = [
    path("locations/", views.location_list, name="list"),
    path("locations/<slug:slug>/", views.location_detail, name="detail"),
]
