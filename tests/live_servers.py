"""Helpers for tests against live servers (gunicorn, Redis, Varnish):
plain HTTP requests, an admin save posted to a live server, and a TCP proxy
the test controls to make a server refuse or hang."""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test.client import BOUNDARY, encode_multipart
from test_admin_editing import admin_form_data, change_url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url, method="GET", headers=None, data=None, timeout=10):
    """(status, body, headers, seconds taken), without raising on 3xx-5xx."""
    status, body, headers, took = fetch_bytes(url, method, headers, data, timeout)
    return status, body.decode(), headers, took


def fetch_bytes(url, method="GET", headers=None, data=None, timeout=10):
    """As fetch(), with the body as bytes (a stored document)."""
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    start = time.monotonic()
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers, time.monotonic() - start
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers, time.monotonic() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, seconds=20.0, step=0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def admin_save(base, client, obj, **changes):
    """Save `obj` through the admin of the live server at `base`, as the staff
    user logged in on the test `client` (whose session is in the shared
    database: the server must run with this process's SECRET_KEY)."""
    url = change_url(obj)
    status, body, headers = admin_post(
        base, client, url, admin_form_data(client.get(url), **changes)
    )
    assert status == 302, (status, body[:2000])
    assert "/login/" not in headers["Location"], "the live server does not know the session"


def admin_post(base, client, url, data, timeout=10):
    """POST `data` (files too: sent as multipart) to `url` on the live server
    at `base` as the staff user logged in on the test `client`; returns
    (status, body, headers)."""
    token = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
    data = {**data, "csrfmiddlewaretoken": token}
    cookie = (
        f"{client.cookies['sessionid'].key}={client.cookies['sessionid'].value}; csrftoken={token}"
    )
    status, body, headers, _took = fetch(
        base + url,
        method="POST",
        headers={"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        data=encode_multipart(BOUNDARY, data),
        timeout=timeout,
    )
    return status, body, headers


class TcpProxy:
    """127.0.0.1:<port> -> upstream, in one of three modes:
    "forward", "refuse" (connections are closed at once) or "hang"
    (connections are accepted and never answered)."""

    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, upstream_port)
        self.mode = "forward"
        self._sockets = []
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def set_mode(self, mode):
        """Switch mode; open connections are cut (as when a server goes away)."""
        self.mode = mode
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            if mode == "hang":
                continue  # keep them open and silent
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self):
        self._stopped = True
        self._listener.close()
        self.set_mode("refuse")

    def _accept(self):
        while not self._stopped:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                client.close()
                continue
            with self._lock:
                self._sockets.append(client)
            if self.mode == "hang":
                continue
            try:
                upstream = socket.create_connection(self.upstream, timeout=2)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets.append(upstream)
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    def _pipe(self, source, target):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.mode == "forward":
                    target.sendall(data)  # otherwise dropped: the server "hangs"
        except OSError:
            pass
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.close()


VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "default.vcl"


@contextlib.contextmanager
def varnish(backend_port, port=None):
    """deploy/varnish/default.vcl in a varnishd of its own, in front of
    127.0.0.1:<backend_port>; yields its base URL."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        pytest.fail("varnishd is missing: apt-get install varnish varnish-modules")
    vcl = VCL.read_text()
    vcl = re.sub(r'\.host = "[^"]*";', '.host = "127.0.0.1";', vcl, count=1)
    vcl = re.sub(r'\.port = "[^"]*";', f'.port = "{backend_port}";', vcl, count=1)
    # varnishd drops root for its own user, who must read this directory.
    workdir = Path(tempfile.mkdtemp(prefix="varnish-test-"))
    workdir.chmod(0o755)
    vcl_path = workdir / "default.vcl"
    vcl_path.write_text(vcl)
    vcl_path.chmod(0o644)
    port = port or free_port()
    process = subprocess.Popen(
        [
            varnishd, "-F", "-n", str(workdir / "varnish"), "-a", f"127.0.0.1:{port}",
            "-f", str(vcl_path), "-s", "malloc,32m", "-T", "none",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    with _running(process, "varnishd", f"http://127.0.0.1:{port}", workdir) as base:
        yield base


@contextlib.contextmanager
def _running(process, name, base, workdir):
    """Wait until the front `process` answers at `base`; stop it and remove
    its `workdir` afterwards, whatever happened."""
    try:
        if not wait_until(lambda: process.poll() is not None or _answers(base), seconds=30):
            pytest.fail(f"{name} did not start")
        if process.poll() is not None:
            pytest.fail(f"{name} stopped: see its message above")
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def _answers(base):
    try:
        return fetch(f"{base}/healthz", timeout=2)[0] in (200, 503)
    except OSError:
        return False


NGINX_DIR = Path(__file__).resolve().parent.parent / "deploy" / "nginx"


def _replace(pattern, replacement, text):
    """re.sub that insists: the shipped config must still have what we render."""
    result, count = re.subn(pattern, replacement, text)
    assert count, f"deploy/nginx/nginx.conf no longer has {pattern!r}"
    return result


def render_nginx_conf(workdir: Path, port: int, backend_port: int) -> Path:
    """deploy/nginx/nginx.conf with test ports and paths: plain HTTP on `port`
    instead of TLS (no certificate in tests), every file in `workdir`."""
    conf = (NGINX_DIR / "nginx.conf").read_text()
    conf = _replace(r"worker_processes auto;", "worker_processes 1;", conf)
    conf = _replace(r"pid /run/nginx\.pid;", f"pid {workdir}/nginx.pid;", conf)
    conf = _replace(r"error_log /var/log/nginx/error\.log", f"error_log {workdir}/error.log", conf)
    temp = "".join(
        f"\n    {kind}_temp_path {workdir}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = _replace(r"access_log /var/log/nginx/access\.log;", f"access_log off;{temp}", conf)
    conf = _replace(r"listen 80 default_server;", f"listen 127.0.0.1:{free_port()};", conf)
    conf = _replace(r"listen 443 ssl default_server;", f"listen 127.0.0.1:{port};", conf)
    conf = _replace(r"\n\s*(listen \[::\]|ssl_|http2 ).*", "", conf)
    (workdir / "upstream.conf").write_text(f"server 127.0.0.1:{backend_port};\n")
    path = workdir / "nginx.conf"
    path.write_text(conf)
    return path


@contextlib.contextmanager
def nginx(backend_port):
    """deploy/nginx/nginx.conf in an nginx of its own (not the system
    service), in front of 127.0.0.1:<backend_port>; yields its base URL."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.fail("nginx is missing: apt-get install nginx")
    workdir = Path(tempfile.mkdtemp(prefix="nginx-test-"))
    workdir.chmod(0o755)  # nginx's workers drop root
    port = free_port()
    conf = render_nginx_conf(workdir, port, backend_port)
    process = subprocess.Popen(
        [binary, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"],
        start_new_session=True,
    )
    with _running(process, "nginx", f"http://127.0.0.1:{port}", workdir) as base:
        yield base
