"""Search latency beside a page render, in one process, no network
(printed by `make bench`; run by bench/run.py with the bench server's
environment: PostgreSQL, DEBUG off).

Each query of the test table (tests/test_search.py) plus a few odd ones is
answered as a visitor's search is: the results page with its query string,
which the page cache never stores, so every request searches the index and
renders. Printed: the median and p99 over all requests, beside the render of
a section page rendered afresh (the page cache emptied before each request).
"""

import os
import statistics
import sys
import time

QUERIES = [
    ("ja", "マイナ保険証"),
    ("ja", "なくした"),
    ("ja", "暗証番号"),
    ("zh-hans", "健康保险证"),
    ("zh-hant", "健康保險證"),
    ("ko", "건강보험증"),
    ("vi", "bao hiem y te"),
    ("en", "certificates"),
    ("en", "LOST CARDS"),
    ("en", "card"),  # matches nearly every page
    ("en", "<script>alert(1)</script>"),
    ("ja", "カード" * 40),  # over-long: cut at the limit
]
REPEAT = 20


def timed_ms(client, path, data=None) -> float:
    start = time.perf_counter()
    response = client.get(path, data)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path} {data} answered {response.status_code}")
    return elapsed


def main() -> int:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    host = os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")[0]
    client = Client(HTTP_HOST=host)

    def rendered_ms(path):
        cache.clear()  # a render, not a page-cache hit
        return timed_ms(client, path)

    for language, query in QUERIES:  # warm up
        timed_ms(client, f"/{language}/search/", {"q": query})
    searches = [
        timed_ms(client, f"/{language}/search/", {"q": query})
        for _ in range(REPEAT)
        for language, query in QUERIES
    ]
    section = "/en/sections/privacy/"
    renders = [rendered_ms(section) for _ in range(REPEAT * 3)]

    def line(label, values):
        values = sorted(values)
        p99 = values[min(len(values) - 1, round(len(values) * 0.99))]
        print(
            f"  {label:56} {statistics.median(values):8.2f} {p99:8.2f}   ({len(values)} requests)"
        )

    print(f"  {'':56} {'median':>8} {'p99':>8}   (ms per request)")
    line(f"search, {len(QUERIES)} test queries", searches)
    line(f"page render, page cache emptied ({section})", renders)
    return 0


if __name__ == "__main__":
    sys.exit(main())
