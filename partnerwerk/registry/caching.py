"""Answers of the read-only registry, cached until the data changes.

The registry changes only through imports and office edits, while the same questions
(a city's partners, the most connected cities, a country pair) are asked again and again. An
answer is stored under the portal's content generation (`portal.caching`), which every save
and every import renews, so no answer outlives a change; the cache is shared by all server
processes. Decision record 0014.
"""

from django.core.cache import cache

from partnerwerk.portal.caching import content_changed, content_generation

ANSWER_SECONDS = 600


def registry_changed() -> None:
    """Called after bulk writes, which send no signals."""
    content_changed()


def cached_answer(name: str, compute, *parts):
    """`compute()` once per content generation for the question `name` with `parts`."""
    key = f"registry:{content_generation()}:{name}:" + ":".join(str(part) for part in parts)
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.set(key, answer, ANSWER_SECONDS)
    return answer
