"""Settings come from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys

from django.conf import settings

CHECK = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shinjuku_mynumber.settings'); django.setup()"


def run_python(code, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secret_key_with_debug_off_refuses_to_start():
    result = run_python(CHECK, DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_an_inconsistent_proxy_setting():
    production = {"DEBUG": "0", "SECRET_KEY": "k" * 50, "SECURE_SSL_REDIRECT": "1"}
    unset = run_python(CHECK, **production)
    assert unset.returncode != 0
    assert "PROXY_COUNT is not set" in unset.stderr
    for wrong in ("-1", "one", "9"):
        result = run_python(CHECK, **production, PROXY_COUNT=wrong)
        assert result.returncode != 0 and "PROXY_COUNT" in result.stderr, wrong
    assert run_python(CHECK, **production, PROXY_COUNT="2").returncode == 0


def test_debug_mode_starts_without_a_secret_key():
    result = run_python(CHECK, DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_python(
        "import django, os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shinjuku_mynumber.settings'); "
        "from django.core.management import call_command; django.setup(); "
        "call_command('check', deploy=True, fail_level='WARNING')",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-key-5f8a9c0d7e6b4a3928171615141312111009",
        ALLOWED_HOSTS="mynumber.example.jp",
        SECURE_SSL_REDIRECT="1",
        PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_each_release_has_its_own_namespace_in_the_shared_cache():
    code = (
        CHECK
        + "\nfrom django.conf import settings\nprint(settings.CACHES['default']['KEY_PREFIX'])"
    )
    redis = {"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    first = run_python(code, RELEASE="3f2a1c9", **redis)
    second = run_python(code, RELEASE="8b7e0d4", **redis)
    unnamed = run_python(code, RELEASE="", **redis)
    assert first.returncode == second.returncode == unnamed.returncode == 0, first.stderr
    assert first.stdout.strip() == "shinjuku-mynumber:3f2a1c9"
    assert second.stdout.strip() == "shinjuku-mynumber:8b7e0d4"
    assert unnamed.stdout.strip() == "shinjuku-mynumber"


def test_healthz_reports_a_database_outage():
    code = (
        CHECK + "\nfrom django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(r.status_code, r.content.decode())"
    )
    result = run_python(
        code,
        DEBUG="0",
        SECRET_KEY="test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        # Nothing listens on port 9: the database is "down".
        DATABASE_URL="postgresql://postgres@127.0.0.1:9/postgres",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert '"database": "unavailable"' in body
