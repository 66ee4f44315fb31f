"""All URLs of the site, in one place.

Pages residents read carry a language prefix (/ja/, /en/, ...): the prefix is
the only language state, so no cookie is needed. Everything else sits outside
the prefix, listed here:

- /                      -> redirect to the visitor's language (LocaleMiddleware)
- /admin/                   staff admin (Japanese)
- /healthz                  load-balancer health check (checks the database)
- /sitemap.xml, /robots.txt, /favicon.ico
- /api/v1/..., /opendata/...  open data (language-neutral)
- /media/...                uploaded documents, served by the app (pages/documents.py)
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .sitemaps import sitemaps

# The admin says whose it is, in the staff's language (Japanese), not "Django".
admin.site.site_header = _("Shinjuku City My Number pages: administration")
admin.site.site_title = _("Shinjuku City My Number pages: administration")
admin.site.index_title = _("What to edit")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("facilities.api_urls")),
    path("", include("pages.document_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("", include("facilities.urls")),
    path("", include("contacts.urls")),
    path("", include("pages.survey.urls")),
    path("", include("pages.search.urls")),
    prefix_default_language=True,
)

handler400 = "shinjuku_mynumber.views.bad_request"
handler403 = "shinjuku_mynumber.views.permission_denied"
handler404 = "shinjuku_mynumber.views.page_not_found"
handler500 = "shinjuku_mynumber.views.server_error"
