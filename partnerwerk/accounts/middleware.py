"""Sessions end after idleness and at the latest a fixed time after sign-in, whatever the
cookie says."""

import logging
import time

from django.conf import settings
from django.contrib.auth import logout

SIGNED_IN_AT = "partnerwerk_signed_in_at"
LAST_SEEN = "partnerwerk_last_seen"
# The last-seen time is written at most this often, so most requests do not write the session.
LAST_SEEN_RESOLUTION = 60

security_log = logging.getLogger("partnerwerk.security")


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        now = time.time()
        session = request.session
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen = session.get(LAST_SEEN)
        if signed_in_at is None or last_seen is None:
            # A session from before this middleware or from a test's force_login: start now.
            session[SIGNED_IN_AT] = signed_in_at = now
            session[LAST_SEEN] = last_seen = now
        idle = now - last_seen > settings.PARTNERWERK_SESSION_IDLE_MINUTES * 60
        expired = now - signed_in_at > settings.PARTNERWERK_SESSION_ABSOLUTE_HOURS * 3600
        if idle or expired:
            security_log.info(
                "session ended: user=%s reason=%s", request.user.pk, "idle" if idle else "age"
            )
            logout(request)
            return
        if now - last_seen >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN] = now


def session_start(request) -> None:
    """Called right after a password sign-in: the absolute timeout counts from here."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
