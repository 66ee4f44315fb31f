"""Django's Redis cache, made to fail soft.

The cache only ever saves work: when Redis refuses, hangs or answers
garbage, a read counts as a miss and a write is dropped, so pages are
rendered from the database instead of failing. After an error the process
leaves Redis alone for `RETRY_SECONDS` (a hanging Redis would otherwise cost
every request a socket timeout per cache call), then tries again.

`incr` and `decr` still raise: their callers (the survey's rate limit) decide
themselves what an unknown count means.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 3.0


class CacheUnavailable(ConnectionError):
    pass


_lock = threading.Lock()
# Per process and server: monotonic time before which that Redis is skipped.
_down_until: dict[str, float] = {}


class ResilientRedisCache(RedisCache):
    def _is_down(self) -> bool:
        return time.monotonic() < _down_until.get(self._server_key, 0.0)

    def _mark_down(self, error: Exception) -> None:
        with _lock:
            if not self._is_down():
                logger.warning("Cache unavailable, serving without it for a moment: %s", error)
            _down_until[self._server_key] = time.monotonic() + RETRY_SECONDS

    @property
    def _server_key(self) -> str:
        return ",".join(self._servers)

    def _soft(self, call, fallback):
        if self._is_down():
            return fallback
        try:
            return call()
        except Exception as error:  # redis.exceptions.*, OSError, a bad pickle...
            self._mark_down(error)
            return fallback

    def is_available(self) -> bool:
        """A real round trip to Redis (for /healthz)."""
        ok = self._soft(lambda: self._cache.get_client(write=True).ping(), False)
        return bool(ok)

    def get(self, key, default=None, version=None):
        return self._soft(
            lambda: super(ResilientRedisCache, self).get(key, default, version), default
        )

    def get_many(self, keys, version=None):
        return self._soft(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._soft(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def set(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        self._soft(
            lambda: super(ResilientRedisCache, self).set(key, value, version=version, **kwargs),
            None,
        )

    def add(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._soft(
            lambda: super(ResilientRedisCache, self).add(key, value, version=version, **kwargs),
            False,
        )

    def set_many(self, data, timeout=..., version=None):
        """Returns the keys that were not stored (Django's contract)."""
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._soft(
            lambda: super(ResilientRedisCache, self).set_many(data, version=version, **kwargs),
            list(data),
        )

    def touch(self, key, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._soft(
            lambda: super(ResilientRedisCache, self).touch(key, version=version, **kwargs), False
        )

    def delete(self, key, version=None):
        return self._soft(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def delete_many(self, keys, version=None):
        return self._soft(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._soft(lambda: super(ResilientRedisCache, self).clear(), False)

    def incr(self, key, delta=1, version=None):
        if self._is_down():
            raise CacheUnavailable("cache marked unavailable")
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:
            self._mark_down(error)
            raise
