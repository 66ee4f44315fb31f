from django.urls import path

from . import views

app_name = "survey"
urlpatterns = [
    path("survey/", views.submit, name="submit"),
    path("survey/thanks/", views.thanks, name="thanks"),
]
