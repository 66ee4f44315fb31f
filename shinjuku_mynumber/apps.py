from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "shinjuku_mynumber"
    verbose_name = "Site"
