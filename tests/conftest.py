import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content(db):
    """The ward's initial content, as `load_initial_data` loads it."""
    call_command("load_initial_data", verbosity=0)
