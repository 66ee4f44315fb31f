"""Start the site the way production runs it, on loopback, for measurements.

Used by bench/run.py (``make bench``) and bench/lighthouse.sh (``make
lighthouse``): gunicorn with gthread workers on PostgreSQL (a dedicated
database, ``mynumber_bench``), DEBUG off with a generated SECRET_KEY, static
files collected with the normal hashed, compressed storage into a temporary
STATIC_ROOT and served by whitenoise. Only 127.0.0.1 is used.

Run directly (``python bench/server.py``) it serves until interrupted and
prints ``READY http://127.0.0.1:<port>`` once the site answers.
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB_NAME", "mynumber_bench")
WORKERS = 2
THREADS = 4

# Variables the test configuration or a developer's shell may carry that would
# make this run unlike production.
NOT_INHERITED = {
    "STATICFILES_BACKEND",
    "WHITENOISE_USE_FINDERS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            log(f"Creating database {DB_NAME}")
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def environment(static_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="shinjuku_mynumber.settings",
        PYTHONPATH=str(ROOT),
        STATIC_ROOT=str(static_root),
        DATABASE_URL=f"{PG_SERVER}/{DB_NAME}",
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="0",
        # Plain HTTP on loopback: no TLS proxy in front, so no HTTPS redirect.
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS=f"{HOST},localhost",
        CACHE_DIR=str(static_root.parent / f"{static_root.name}-cache"),
        LOG_LEVEL="WARNING",
    )
    return env


STAFF_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
user, _ = get_user_model().objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def staff_session(env: dict[str, str]) -> str:
    """The key of a logged-in staff session: its requests bypass the page cache."""
    found = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", STAFF_SESSION],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return found.stdout.strip().splitlines()[-1]


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    # Generous: on a loaded shared machine two workers may take over 30 s to import.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the site did not answer at {url}/healthz within {timeout:.0f}s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    # gunicorn runs in its own process group: stop the master and its workers.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def running_site():
    """Prepare the database and static files, start gunicorn, yield its base
    URL and the environment it runs with."""
    if not GUNICORN.exists():
        raise SystemExit(f"{GUNICORN} is missing: run `make install` first")
    ensure_database()
    static_root = Path(tempfile.mkdtemp(prefix="mynumber-static-"))
    process = None
    try:
        env = environment(static_root)
        log("Migrating, loading the initial content, collecting static files ...")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_initial_data", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        port = free_port()
        url = f"http://{HOST}:{port}"
        command = [
            str(GUNICORN),
            "shinjuku_mynumber.wsgi:application",
            f"--bind={HOST}:{port}",
            "--worker-class=gthread",
            f"--workers={WORKERS}",
            f"--threads={THREADS}",
            "--log-level=warning",
        ]
        log(f"Starting gunicorn ({WORKERS} workers x {THREADS} threads) at {url}")
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        wait_until_up(url, process)
        yield url, env
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(f"{static_root}-cache", ignore_errors=True)


def main() -> None:
    # Turn SIGTERM (from lighthouse.sh) into a normal exit so gunicorn is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with running_site() as (url, _env):
        print(f"READY {url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
