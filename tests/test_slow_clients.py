"""Slow clients against the front door (deploy/nginx/nginx.conf) in front of
a live gunicorn with 8 threads: connections that send their header a byte at
a time hold nginx, not gunicorn, so a normal request still answers at once;
the same connections straight to gunicorn stop it for everyone. Oversized
bodies are refused by nginx without reaching the app."""

import contextlib
import re
import socket
import threading
import time
import urllib.error
from pathlib import Path

import pytest
from django.conf import settings
from live_servers import NGINX_DIR, fetch, nginx

pytestmark = pytest.mark.django_db(transaction=True)

SLOW_CLIENTS = 24


class Slowloris:
    """Connections that send a request header one byte every `interval`
    seconds and never finish it."""

    def __init__(self, base, count=SLOW_CLIENTS, interval=2.0):
        host, port = base.removeprefix("http://").split(":")
        self.sockets = []
        for _ in range(count):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(b"GET /ja/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            self.sockets.append(sock)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._drip, args=(interval,), daemon=True)
        self._thread.start()

    def _drip(self, interval):
        while not self._stop.wait(interval):
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.sendall(b"a")

    def open_count(self):
        """How many are still open (neither answered nor closed by the server)."""
        count = 0
        for sock in self.sockets:
            sock.setblocking(False)
            try:
                sock.recv(1, socket.MSG_PEEK)  # an answer, or b"" when closed
            except BlockingIOError:
                count += 1  # nothing to read: still waiting for the rest of us
            except OSError:
                pass
            finally:
                sock.setblocking(True)
        return count

    def close(self):
        self._stop.set()
        self._thread.join()
        for sock in self.sockets:
            sock.close()


def answers_within(url, seconds) -> bool:
    try:
        fetch(url, timeout=seconds)
    except TimeoutError:
        return False
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return False
        raise
    return True


def test_slow_clients_hold_nginx_not_gunicorn(gunicorn_server):
    # 8 threads in all, as in the red-team run (one worker: every thread counts).
    app = gunicorn_server(workers=1, threads=8)
    app_port = int(app.rsplit(":", 1)[1])
    with nginx(app_port) as front:
        assert fetch(front + "/ja/")[0] == 200

        slow = Slowloris(front)
        try:
            time.sleep(3)  # the header bytes dribble in; gunicorn sees none of them
            assert slow.open_count() == SLOW_CLIENTS
            for _ in range(3):
                status, body, _headers, took = fetch(front + "/ja/", timeout=10)
                assert status == 200
                assert "<html" in body
                assert took < 1, f"a normal request through nginx took {took:.2f} s"
            assert slow.open_count() == SLOW_CLIENTS, "they were all held the whole time"
        finally:
            slow.close()

        # The control: the same clients straight to gunicorn take all its threads.
        slow = Slowloris(app)
        try:
            time.sleep(1)
            assert not answers_within(app + "/ja/", 3), "gunicorn alone is stopped by them"
        finally:
            slow.close()
        # Once they are gone, gunicorn answers again.
        assert fetch(app + "/ja/", timeout=10)[0] == 200


def test_oversized_body_is_refused_by_nginx(gunicorn_server, tmp_path):
    access_log = tmp_path / "access.log"
    app = gunicorn_server(workers=1, threads=2, GUNICORN_CMD_ARGS=f"--access-logfile {access_log}")
    with nginx(int(app.rsplit(":", 1)[1])) as front:
        host, port = front.removeprefix("http://").split(":")
        size = 30 * 1024 * 1024
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(
                b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {size}\r\n\r\n".encode()
                + b"a" * 65536
            )
            answer = sock.recv(65536).decode("latin-1")
        assert answer.startswith("HTTP/1.1 413"), answer[:200]
        assert "nginx" in answer, "nginx's own answer, not the app's"
        # A body within the limit is passed on (the app answers it).
        status, _body, _headers, _took = fetch(
            front + "/admin/login/", method="POST", data=b"username=a&password=b"
        )
        assert status == 403  # no CSRF token: the app's answer
    log = access_log.read_text()
    assert "POST /admin/login/" in log  # the small one
    assert log.count("POST /admin/login/") == 1, "the 30 MB request never reached gunicorn"


def test_nginx_body_limit_matches_the_app():
    conf = (NGINX_DIR / "nginx.conf").read_text()
    size = re.search(r"client_max_body_size (\d+)m;", conf)
    assert size, "nginx.conf sets client_max_body_size in MiB"
    assert int(size.group(1)) * 1024 * 1024 == settings.REQUEST_MAX_BYTES
    for directive in (
        "client_header_timeout 10s;",
        "client_body_timeout 10s;",
        "send_timeout 10s;",
        "proxy_request_buffering on;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    ):
        assert directive in conf
    assert Path(NGINX_DIR / "upstream.conf").exists()
