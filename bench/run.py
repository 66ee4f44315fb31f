"""Load-test the site as production runs it and print throughput ratios (`make bench`).

Starts gunicorn on PostgreSQL (see bench/server.py), then drives it with wrk
from a separate process on 127.0.0.1, in 3 interleaved rounds of 5 s:

- a cached page (the home page, warmed),
- a render that bypasses the page cache (a logged-in staff session): the
  "uncached" figure, printed for comparison with earlier runs, not judged
  (the one server-side cache is the page cache: a render is a render);
- the locations JSON (/api/v1/locations), when it exists,
- a static file of similar size served by whitenoise.

It prints requests/s and p50/p99 latency (median round), the ratios to the
static file against their targets, each page's transfer size (HTML plus the
CSS, JS and images it references, compressed as served), and the CPU cost of
one request in one process, cold (every cache empty) and warm
(bench/render_cost.py), and the search latency (median and p99 over the
test queries) beside a page render (bench/search_latency.py)."""

import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import running_site, staff_session

DURATION = "5s"
ROUNDS = 3
CONNECTIONS = 8
WRK_THREADS = 1
ACCEPT = "br, gzip"
TARGETS = {"cached": 0.5}
SHOWN_ONLY = {"uncached": 0.2}  # the old target, printed without a verdict
HOME_BUDGET = 30 * 1024  # issue #14: under 30 KB transferred
LOCATIONS_API = "/api/v1/locations"


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def decoded(headers: dict, body: bytes) -> bytes:
    encoding = headers.get("Content-Encoding", "")
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    return body


class Resources(HTMLParser):
    """The CSS, JS, images and icons a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
                self.urls.append(attrs["href"])
        elif tag in ("script", "img", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and attrs.get("srcset"):
            self.urls.append(attrs["srcset"].split(",")[0].split()[0])


def transfer_size(base: str, path: str) -> tuple[int, int, list[tuple[str, int, str]]]:
    """(bytes over the wire, bytes if the HTML were gzipped, [(url, bytes, encoding)])."""
    status, headers, body = fetch(base + path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    html = decoded(headers, body)
    parser = Resources()
    parser.feed(html.decode("utf-8", "replace"))
    rows = [(path, len(body), headers.get("Content-Encoding", "identity"))]
    for ref in dict.fromkeys(parser.urls):
        url = urljoin(base + path, ref)
        if urlsplit(url).netloc != urlsplit(base).netloc:
            continue
        _status, res_headers, res_body = fetch(url)
        rows.append(
            (urlsplit(url).path, len(res_body), res_headers.get("Content-Encoding", "identity"))
        )
    total = sum(size for _url, size, _enc in rows)
    html_gzipped = len(gzip.compress(html, 6))
    return total, total - len(body) + html_gzipped, rows


def wrk(url: str, headers: dict[str, str] | None = None) -> dict:
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency"]
    for name, value in {"Accept-Encoding": ACCEPT, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {
        "rps": rps,
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "non2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "errors": errors.group(0) if errors else "",
    }


def median_round(found: list[dict]) -> dict:
    return sorted(found, key=lambda result: result["rps"])[len(found) // 2]


def similar_static_file(base: str, size: int) -> str:
    """The hashed static file whose size is nearest the page's HTML, served by whitenoise."""
    _status, headers, body = fetch(base + "/ja/")
    html = decoded(headers, body).decode()
    candidates = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    best, best_gap = None, None
    for path in candidates:
        _s, _headers, res_body = fetch(base + path, {"Accept-Encoding": "identity"})
        gap = abs(len(res_body) - size)
        if best_gap is None or gap < best_gap:
            best, best_gap = path, gap
    if best is None:
        raise RuntimeError("the home page references no static file")
    return best


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is not installed. Install it with:  sudo apt-get install wrk", file=sys.stderr)
        return 2
    with running_site() as (base, env):
        home = "/ja/"
        status, headers, body = fetch(base + home)
        if status != 200:
            raise RuntimeError(f"{home} answered {status}")
        html_size = len(decoded(headers, body))
        static = similar_static_file(base, html_size)
        api_status = fetch(base + LOCATIONS_API)[0]
        section = "/ja/sections/about/"

        for _ in range(20):  # warm the page cache in every worker
            fetch(base + home)
            fetch(base + section)

        runs = [
            ("cached", f"cached page ({home}, warmed)", base + home, None),
            (
                "uncached",
                f"render, page cache bypassed ({home}, staff session)",
                base + home,
                {"Cookie": f"sessionid={staff_session(env)}"},
            ),
        ]
        if api_status == 200:
            runs.append(("api", f"locations JSON ({LOCATIONS_API})", base + LOCATIONS_API, None))
        runs.append(("static", f"static file ({static})", base + static, None))

        # Rounds interleave the measurements, so a passing disturbance on
        # this shared machine hits one round of each, not all of one; the
        # ratios use each measurement's median round.
        rounds = {key: [] for key, *_ in runs}
        print(
            f"\nwrk: {WRK_THREADS} thread, {CONNECTIONS} connections, {DURATION} per round, "
            f"{ROUNDS} rounds, Accept-Encoding: {ACCEPT}"
        )
        for _ in range(ROUNDS):
            for key, _label, url, headers in runs:
                rounds[key].append(wrk(url, headers))
        results = {key: median_round(found) for key, found in rounds.items()}

        print(f"\n{'measurement (median round)':58} {'req/s':>9} {'p50':>9} {'p99':>9}  rounds")
        for key, label, _url, _headers in runs:
            result = results[key]
            note = ""
            non_2xx = sum(found["non2xx"] for found in rounds[key])
            if non_2xx:
                note += f"  ({non_2xx} non-2xx responses!)"
            if result["errors"]:
                note += f"  ({result['errors']})"
            spread = "/".join(f"{found['rps']:.0f}" for found in rounds[key])
            print(
                f"{label:58} {result['rps']:9.0f} {result['p50']:>9} {result['p99']:>9}"
                f"  {spread}{note}"
            )
        if api_status != 200:
            print(
                f"{'locations JSON':58} skipped: {LOCATIONS_API} answered {api_status} "
                "(it should answer 200)"
            )

        print("\nratio to the static file (target):")
        failures = 0
        for key, target in TARGETS.items():
            ratio = results[key]["rps"] / results["static"]["rps"]
            verdict = "PASS" if ratio >= target else "BELOW"
            failures += verdict != "PASS"
            print(f"  {key:9} {ratio:5.2f}  (>= {target:.2f})  {verdict}")
        for key, old_target in SHOWN_ONLY.items():
            ratio = results[key]["rps"] / results["static"]["rps"]
            print(f"  {key:9} {ratio:5.2f}  (formerly >= {old_target:.2f}; not judged)")

        print("\ntransfer size (HTML + referenced CSS/JS/images, as served):")
        pages = [home, "/en/", section, "/en/sections/about/"]
        for page_path in pages:
            total, if_gzipped, rows = transfer_size(base, page_path)
            verdict = ""
            if page_path == home:
                verdict = "PASS" if total < HOME_BUDGET else "BELOW"
                failures += verdict != "PASS"
                verdict = f"  (target < {kb(HOME_BUDGET)})  {verdict}"
            print(f"  {page_path:28} {kb(total):>9}{verdict}")
            for url, size, encoding in rows:
                print(f"      {url:60} {kb(size):>9}  {encoding}")
            if rows[0][2] == "identity":
                print(f"      (HTML is sent uncompressed; gzipped it would total {kb(if_gzipped)})")
        print("\nCPU per request in one process, no network (bench/render_cost.py):")
        # Local memory: its cache.clear() for the cold figure touches nobody else.
        cost_env = {key: value for key, value in env.items() if key != "REDIS_URL"}
        cost_env["CACHE_DIR"] = tempfile.mkdtemp(prefix="mynumber-cost-cache-")
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("render_cost.py"))],
            env=cost_env,
            check=True,
        )
        print("\nSearch latency beside a page render (bench/search_latency.py):")
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("search_latency.py"))],
            env=cost_env,
            check=True,
        )
        print("\nAll targets met." if not failures else f"\n{failures} target(s) not met.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
