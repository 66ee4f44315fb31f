"""Thousands of survey answers posted concurrently through gunicorn (gthread,
several workers, on PostgreSQL): every accepted answer is exactly one row."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection

from pages.survey.models import PageFeedback

pytestmark = [pytest.mark.dbserver, pytest.mark.django_db(transaction=True)]

ANSWERS = 2000
CLIENTS = 400  # distinct client addresses, each under the rate limit


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def token(n):
    """A comment the redactor leaves alone: letters only."""
    letters = ""
    for _ in range(5):
        n, rest = divmod(n, 26)
        letters += chr(ord("a") + rest)
    return f"load {letters}"


@pytest.fixture
def gunicorn(content):
    if connection.vendor != "postgresql":
        pytest.skip("the concurrent load test needs PostgreSQL (SQLite serialises writers)")
    db = connection.settings_dict
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "load-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "PROXY_COUNT": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "shinjuku_mynumber.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread",
            "--workers", "3", "--threads", "8", "--log-level", "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def post_answer(base, n):
    body = urllib.parse.urlencode(
        {"page": "/sections/privacy/", "useful": "yes", "findable": "hard", "comment": token(n)}
    ).encode()
    request = urllib.request.Request(
        f"{base}/ja/survey/",
        data=body,
        headers={
            "Origin": base,
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": f"10.0.{n % CLIENTS // 250}.{n % CLIENTS % 250 + 1}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_concurrent_answers_are_neither_lost_nor_duplicated(gunicorn):
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(lambda n: post_answer(gunicorn, n), range(ANSWERS)))
    elapsed = time.monotonic() - started
    print(f"{ANSWERS} answers in {elapsed:.1f}s ({ANSWERS / elapsed:.0f}/s)")

    assert statuses.count(200) == ANSWERS, {s: statuses.count(s) for s in set(statuses)}
    comments = list(PageFeedback.objects.values_list("comment", flat=True))
    assert len(comments) == ANSWERS
    assert set(comments) == {token(n) for n in range(ANSWERS)}
