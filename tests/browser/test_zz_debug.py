import pytest
from django.urls import reverse
from facilities.models import Location
from test_admin_in_browser import editor_page  # noqa

pytestmark = pytest.mark.browser

def test_debug(site, editor_page):
    page = editor_page
    location = Location.objects.published().first()
    page.goto(site.url + reverse("admin:facilities_location_change", args=[location.pk]))
    page.wait_for_timeout(1000)
    print("ERRORS", page.errors)
    print("TABS", page.locator(".ui-tabs").count(), page.locator(".ui-tabs-nav a").count())
    print("SCRIPTS", page.evaluate("[...document.scripts].map(s => s.src)"))
    print("NAV", page.evaluate("[...document.querySelectorAll('.ui-tabs-nav')].slice(0,2).map(n => n.outerHTML)"))
    print("NAME", page.evaluate("document.querySelector('#id_name_ja').parentElement.parentElement.outerHTML.slice(0, 800)"))
