"""A client-side time limit for waits on a database socket.

A network that freezes (packets dropped, or a proxy that keeps the TCP
connection open but forwards nothing) leaves libpq waiting for a reply for
ever: statement_timeout is enforced by the server, which never sees the
query, and TCP keep-alives and tcp_user_timeout are answered by whatever
holds the connection. One thread per process watches the waits in progress
and shuts down the socket of any that lasts longer than its limit; the wait
then ends at once with an error (a broken connection), as it would if the
server had gone away.

After such a failure, `is_down()` stays true for a few seconds, so that the
other requests of an outage fail at once instead of each waiting its turn.
"""

import contextlib
import itertools
import logging
import socket
import threading
import time

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_waits: dict[int, tuple[float, int]] = {}  # token -> (deadline, socket fd)
_tokens = itertools.count()
_thread: threading.Thread | None = None
_down_until = 0.0
_TICK = 0.1


def is_down() -> bool:
    return time.monotonic() < _down_until


def mark_down(seconds: float) -> None:
    global _down_until
    _down_until = max(_down_until, time.monotonic() + seconds)


def mark_up() -> None:
    global _down_until
    _down_until = 0.0


@contextlib.contextmanager
def time_limit(fd: int, seconds: float, down_seconds: float):
    """Shut down socket `fd` if the block takes longer than `seconds`; the
    database then counts as down for `down_seconds`."""
    _start()
    token = next(_tokens)
    with _lock:
        _waits[token] = (time.monotonic() + seconds, fd)
    try:
        yield
    finally:
        with _lock:
            timed_out = _waits.pop(token, None) is None
        if timed_out:
            mark_down(down_seconds)


def _start() -> None:
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_watch, name="db-watchdog", daemon=True)
            _thread.start()


def _watch() -> None:
    while True:
        time.sleep(_TICK)
        now = time.monotonic()
        # Under the lock: a wait that has ended (and whose socket may be
        # closed and its number reused) is never touched.
        with _lock:
            for token, (deadline, fd) in list(_waits.items()):
                if now >= deadline:
                    del _waits[token]
                    _shut_down(fd)


def _shut_down(fd: int) -> None:
    logger.error("Database did not answer in time: connection %s cut", fd)
    try:
        # A socket object on the same descriptor, detached so that only the
        # connection is shut down, the descriptor left to its owner.
        sock = socket.socket(fileno=fd)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.detach()
    except OSError:
        logger.warning("Could not cut database connection %s", fd, exc_info=True)
