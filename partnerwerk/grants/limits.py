"""Hourly limits per address for sign-ups and submissions, like the feedback form's."""

import time

from django.core.cache import cache

WINDOW_SECONDS = 3600


class RateLimited(Exception):
    """The address has used up its hour."""


def count(action: str, ip_address: str, per_hour: int) -> None:
    """Count one `action` of the address; raise RateLimited when its hour is full. Times are
    stored with an explicit timeout (cache.incr() would cut the hour short, see feedback)."""
    key = f"grants-rate:{action}:{ip_address}"
    now = time.time()
    done = [moment for moment in cache.get(key, []) if moment > now - WINDOW_SECONDS]
    if len(done) >= per_hour:
        raise RateLimited
    cache.set(key, [*done, now], WINDOW_SECONDS)
