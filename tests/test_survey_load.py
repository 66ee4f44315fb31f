"""Thousands of survey answers posted concurrently through gunicorn (gthread,
several workers, on PostgreSQL): every accepted answer is exactly one row."""

import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from pages.survey.models import PageFeedback

pytestmark = [pytest.mark.dbserver, pytest.mark.django_db(transaction=True)]

ANSWERS = 2000
CLIENTS = 400  # distinct client addresses, each under the rate limit


def token(n):
    """A comment the redactor leaves alone: letters only."""
    letters = ""
    for _ in range(5):
        n, rest = divmod(n, 26)
        letters += chr(ord("a") + rest)
    return f"load {letters}"


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


def test_concurrent_answers_are_neither_lost_nor_duplicated(gunicorn_server):
    gunicorn = gunicorn_server(workers=3, threads=8, PROXY_COUNT="1")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(lambda n: post_answer(gunicorn, n), range(ANSWERS)))
    elapsed = time.monotonic() - started
    print(f"{ANSWERS} answers in {elapsed:.1f}s ({ANSWERS / elapsed:.0f}/s)")

    assert statuses.count(200) == ANSWERS, {s: statuses.count(s) for s in set(statuses)}
    comments = list(PageFeedback.objects.values_list("comment", flat=True))
    assert len(comments) == ANSWERS
    assert set(comments) == {token(n) for n in range(ANSWERS)}
