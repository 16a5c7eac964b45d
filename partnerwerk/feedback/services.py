"""Writes of feedback, limited per sender so the form cannot be used to flood the office."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from partnerwerk.feedback.models import Feedback

WINDOW_SECONDS = 3600  # settings.PARTNERWERK_FEEDBACK_PER_HOUR messages within this window


class RateLimited(Exception):
    """The sender has sent the most messages allowed within the hour."""


def count_within_hour(*, scope: str, ip_address: str, limit: int) -> bool:
    """Count one message of the sender in `scope` (feedback, comments); False when the
    sender's hour is full.

    The cache holds the times of the sender's messages within the last hour, written with an
    explicit timeout each time: cache.incr() of Django's file and database caches writes the
    value back with the default timeout of five minutes, which ended the hour early.
    """
    key = f"{scope}-rate:{ip_address}"
    now = time.time()
    sent = [moment for moment in cache.get(key, []) if moment > now - WINDOW_SECONDS]
    if len(sent) >= limit:
        return False
    cache.set(key, [*sent, now], WINDOW_SECONDS)
    return True


@transaction.atomic
def feedback_submit(
    *, ip_address: str, message: str, email: str = "", page: str = "", language: str = ""
) -> Feedback:
    """Store one feedback message; raise RateLimited after the hourly limit per address."""
    if not count_within_hour(
        scope="feedback", ip_address=ip_address, limit=settings.PARTNERWERK_FEEDBACK_PER_HOUR
    ):
        raise RateLimited
    return Feedback.objects.create(message=message, email=email, page=page, language=language)
