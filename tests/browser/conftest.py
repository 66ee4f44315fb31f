"""Real-browser tests: Debian's Chromium driven by pytest-playwright.

Never downloads a browser: Chromium comes from /usr/bin/chromium. The site is
served by pytest-django's `live_server` (in this process, on SQLite), so the
database must be committed for the server thread to see it: tests use
`transactional_db` and load the ward's initial content themselves.
"""

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Pages outside the sitemap: list pages by URL name, detail pages by the model
# whose published objects they show. A name that does not resolve fails.
LIST_PAGES = ["facilities:list", "contacts:list"]
DETAIL_PAGES = {"facilities:detail": "facilities.Location"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site(transactional_db, live_server):
    """The live server, with the ward's initial content committed."""
    call_command("load_initial_data", verbosity=0)
    return live_server


def _sitemap_paths() -> list[str]:
    """Every URL the sitemap lists (all languages), as paths."""
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200, "sitemap.xml does not answer"
    root = ElementTree.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.iterfind(".//sm:url/sm:loc", SITEMAP_NS)]


def _other_paths() -> list[str]:
    """List and detail pages outside the sitemap, in the active language."""
    from django.apps import apps

    paths = [reverse(name) for name in LIST_PAGES]
    for _name, label in DETAIL_PAGES.items():
        model = apps.get_model(label)
        paths += [obj.get_absolute_url() for obj in model.objects.published()]
    return paths


def public_paths(languages=None) -> list[str]:
    """Every public page, in the given languages (default: all), sitemap first.

    Pages the sitemap does not list yet (list and detail pages of apps being
    built) are added by reversing their URL names in each language.
    """
    codes = languages or [code for code, _name in settings.LANGUAGES]
    paths = [p for p in _sitemap_paths() if p.strip("/").split("/")[0] in codes]
    for code in codes:
        with translation.override(code):
            paths += _other_paths()
    return list(dict.fromkeys(paths))


@pytest.fixture
def site_paths(site):
    """``site_paths(languages=None)``: the public pages' paths (see public_paths)."""
    return public_paths


@pytest.fixture(scope="session")
def screenshot_dir():
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
