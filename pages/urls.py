from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("sections/<slug:slug>/", views.section, name="section"),
    # Staff only (drafts too): linked from the section admin.
    path("preview/sections/<slug:slug>/", views.preview_section, name="preview"),
]
