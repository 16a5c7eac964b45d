"""A Redis cache that degrades to no cache when Redis is away (issue 15).

Django's Redis backend raises when the server cannot be reached, so every cached page and
every rate limit would fail with it. Here a failed read is a miss, a failed write is skipped,
and each failure is logged (at most once a minute per process): the site answers, slower and
without shared rate limits, until Redis is back.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = 0.0


def _warn(error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:
        _last_warning = now
        logger.warning("Redis cannot be reached; answering without the cache: %s", error)


class TolerantRedisCache(RedisCache):
    def _tolerant(self, method: str, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNREACHABLE as error:
            _warn(error)
            return default

    def get(self, key, default=None, version=None):
        return self._tolerant("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._tolerant("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._tolerant("has_key", False, key, version)

    def add(self, key, value, timeout=None, version=None):
        # A counter that cannot be stored counts nothing: the caller sees "not added".
        return self._tolerant("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._tolerant("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._tolerant("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._tolerant("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._tolerant("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._tolerant("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            _warn(error)
            raise ValueError(f"Key '{key}' not found (the cache is away).") from None

    def clear(self):
        return self._tolerant("clear", None)
