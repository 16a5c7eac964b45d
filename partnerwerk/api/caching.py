"""Answers of the read-only registry, cached until the data changes.

The registry changes only through imports and office edits, while the same questions
(a city's partners, the most connected cities, a country pair) are asked again and again. An
answer is stored under the content generation (`core.caching`), which every save and every
import renews, so no answer outlives a change; the cache is shared by all server processes.
Decision records 0014, 0019.
"""

from django.conf import settings
from django.core.cache import cache

from partnerwerk.core.caching import content_generation

ANSWER_SECONDS = 600


def cached_answer(name: str, compute, *parts):
    """`compute()` once per content generation for the question `name` with `parts`; every
    time when the setting PARTNERWERK_CACHE_ANSWERS is off."""
    if not settings.PARTNERWERK_CACHE_ANSWERS:
        return compute()
    key = f"registry:{content_generation()}:{name}:" + ":".join(str(part) for part in parts)
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.set(key, answer, ANSWER_SECONDS)
    return answer
