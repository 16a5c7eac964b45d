"""Writes of feedback, limited per sender so the form cannot be used to flood the office."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from partnerwerk.feedback.models import Feedback

WINDOW_SECONDS = 3600


class RateLimited(Exception):
    """The sender has sent the most messages allowed within the hour."""


def _cache_key(ip_address: str) -> str:
    return f"feedback-rate:{ip_address}"


@transaction.atomic
def feedback_submit(
    *, ip_address: str, message: str, email: str = "", page: str = "", language: str = ""
) -> Feedback:
    """Store one feedback message; raise RateLimited after the hourly limit per address."""
    key = _cache_key(ip_address)
    # add() is a no-op when the key exists, so the window starts with the first message.
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)
        sent = 1
    if sent > settings.PARTNERWERK_FEEDBACK_PER_HOUR:
        raise RateLimited
    return Feedback.objects.create(message=message, email=email, page=page, language=language)
