"""CPU cost of answering one request, in one process, without a network
(printed by `make bench` beside the wrk figures, to show where time goes).

Run by bench/run.py with the bench server's environment (PostgreSQL, DEBUG
off, collected static files). For each page it times the two ways a request
can be answered:

- cold: a render, as after a deploy or a staff edit of what the page shows:
  the page cache is emptied before each anonymous request, so every query and
  the whole template run (there is no other server-side cache). This is how
  issue #12's reference figures were taken (home 9.7 ms, a long section
  17.9 ms, on the code of November 2026 with its fragment caches empty);
- page cache: an anonymous request answered by PageCacheMiddleware.
"""

import functools
import os
import statistics
import sys
import time

PAGES = ["/ja/", "/en/sections/privacy/"]
REQUESTS = 100
ROUNDS = 5


def per_request_ms(request) -> float:
    """Median over rounds of the mean CPU time of this process per request, in
    milliseconds (CPU, not wall time: other load on the machine and the
    database's own work do not count)."""
    for _ in range(10):
        request()
    rounds = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(REQUESTS):
            request()
        rounds.append((time.process_time() - start) / REQUESTS * 1000)
    return statistics.median(rounds)


def main() -> int:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    host = os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")[0]
    anonymous = Client(HTTP_HOST=host)

    def get(path):
        response = anonymous.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    def cold(path):
        cache.clear()
        get(path)

    print(f"{'page':24} {'cold':>9} {'page cache':>11}   (ms per request)")
    for path in PAGES:
        figures = [
            per_request_ms(functools.partial(cold, path)),
            per_request_ms(functools.partial(get, path)),
        ]
        print(f"{path:24} {figures[0]:9.2f} {figures[1]:11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
