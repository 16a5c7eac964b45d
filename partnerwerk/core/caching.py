"""The content generation: one cache key that every change of public content renews.

Cached answers (the portal's whole pages, the API's registry answers) are stored under the
current generation, so none outlives a change. It lives in core because the domain writes it
(the registry import, whose bulk writes send no signals) and several interfaces read it; the
portal renews it on every save of a content record (portal.caching). Decision records 0016,
0019.
"""

import time

from django.core.cache import cache

GENERATION_KEY = "portal:generation"


def content_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = content_changed()
    return generation


def content_changed(**kwargs) -> str:
    """Start a new generation; bulk writes that send no signals call this themselves."""
    generation = str(time.time_ns())
    cache.set(GENERATION_KEY, generation, None)
    return generation
