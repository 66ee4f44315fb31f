import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Japanese: the test client's last request leaves its
    language active, and `reverse()` would carry it into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def content(db):
    """The ward's initial content, as `load_initial_data` loads it."""
    from support import content_rows

    content_rows.load()


@pytest.fixture
def gunicorn_server(content):
    """Start the site under gunicorn (gthread) on the test database; yields a
    function taking (workers, threads, extra env) and returning the base URL.
    Needs PostgreSQL: several processes share the test database."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: gunicorn's processes share the test database")
    servers = {}

    def start(workers=2, threads=4, **extra_env):
        db = connection.settings_dict
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "gunicorn-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": (
                f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
            ),
            **extra_env,
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        # The suite's generous database time limits (pyproject.toml) are not
        # the server's: it runs with the production ones unless a test says.
        for name in ("DATABASE_STATEMENT_TIMEOUT", "DATABASE_CLIENT_TIMEOUT"):
            if name not in extra_env:
                env.pop(name, None)
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "shinjuku_mynumber.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread",
                "--workers", str(workers), "--threads", str(threads), "--log-level", "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        servers[base] = process
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                return base
            except OSError:
                time.sleep(0.3)
        pytest.fail("gunicorn did not start")

    def stop(base):
        """Stop the server at `base` (a test of what happens when it is down)."""
        process = servers.pop(base)
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)

    start.stop = stop
    yield start
    for process in servers.values():
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture
def load_release(tmp_path, monkeypatch):
    """Load a release of the initial content whose sections are the given TOML
    (and English translations), with the real contacts and locations; returns
    the loader's report. Call it again with another text for a later release."""
    import pages.seed
    from pages.management.commands.load_initial_data import load_all
    from shinjuku_mynumber import seeding

    translations = tmp_path / "content-translations"
    translations.mkdir()
    data_file = tmp_path / "content.ja.toml"
    monkeypatch.setattr(pages.seed, "DATA_FILE", data_file)
    monkeypatch.setattr(seeding, "CONTENT_TRANSLATIONS_DIR", translations)

    def load(content: str, en: str = ""):
        data_file.write_text(content)
        (translations / "en.toml").write_text(en)
        seeding.content_translations.cache_clear()
        return load_all()

    yield load
    seeding.content_translations.cache_clear()


@pytest.fixture
def chief_client(content):
    """A superuser signed in with the second factor proved, as the test client
    whose session a live server (run with this SECRET_KEY) also reads."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from test_admin_editing import signed_in

    user = get_user_model().objects.create_superuser("chief", password="x" * 16)
    return signed_in(Client(), user)
