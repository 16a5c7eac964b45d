"""Security the framework does not give by itself: the Content Security Policy header, the
one definition of the client's address and of a secure request (behind trusted proxies only)
and the limit of a request's size."""

import functools
import ipaddress

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware:
    """Send settings.CONTENT_SECURITY_POLICY with every response that has none yet.

    The admin and the API docs are included: Django's admin needs no inline script, and a
    page that does can set its own header.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


@functools.lru_cache(maxsize=8)
def _trusted_networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    """The client's address, the one every limit, lockout and log line of the app uses.

    The direct peer (REMOTE_ADDR) unless it is one of settings.PARTNERWERK_TRUSTED_PROXIES;
    then the right-most X-Forwarded-For entry that is not a trusted proxy itself: each proxy
    appends the address it saw, so entries further left may be made up by the client.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = _trusted_networks(tuple(settings.PARTNERWERK_TRUSTED_PROXIES))
    if not _is_trusted(_address(peer), trusted):
        return peer
    client = peer
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(entry)
        if address is None:
            # Trusted proxies append only real addresses: this entry came from the client.
            break
        client = str(address)
        if not _is_trusted(address, trusted):
            break
    return client


def from_trusted_proxy(request) -> bool:
    """Whether the direct peer is one of settings.PARTNERWERK_TRUSTED_PROXIES."""
    trusted = _trusted_networks(tuple(settings.PARTNERWERK_TRUSTED_PROXIES))
    return _is_trusted(_address(request.META.get("REMOTE_ADDR", "")), trusted)


class TrustedProxyHeadersMiddleware:
    """Remove X-Forwarded-Proto from a request whose peer is no trusted proxy.

    Django believes settings.SECURE_PROXY_SSL_HEADER from anyone; a client that reaches an app
    server directly could otherwise call its plain HTTP request secure (no redirect to HTTPS,
    secure cookies over HTTP). It must run first, before SecurityMiddleware asks whether the
    request is secure.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_FORWARDED_PROTO" in request.META and not from_trusted_proxy(request):
            del request.META["HTTP_X_FORWARDED_PROTO"]
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse with 413 a request whose body is larger than its sender may send, before
    anything reads it: settings.PARTNERWERK_ANON_MAX_BODY bytes for anonymous senders (the
    feedback form, sign-in), settings.PARTNERWERK_SIGNED_IN_MAX_BODY for signed-in users (the
    largest upload and its form).

    It must run after AuthenticationMiddleware (which reads only the session cookie) and
    before any view or process_view hook (CsrfViewMiddleware's reads request.POST); Django
    runs every middleware's request phase before the first process_view. Django reads a body
    only up to its Content-Length, and nothing when there is none (a chunked body), so the
    declared length is the most that can be read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = _declared_length(request)
        if declared > settings.PARTNERWERK_ANON_MAX_BODY:
            limit = (
                settings.PARTNERWERK_SIGNED_IN_MAX_BODY
                if request.user.is_authenticated
                else settings.PARTNERWERK_ANON_MAX_BODY
            )
            if declared > limit:
                return _too_large(request, limit)
        return self.get_response(request)


def _declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # Django's request reads nothing of a body with an invalid length either


def _too_large(request, limit: int):
    message = _("The data sent is too large: at most %(size)s are accepted.") % {
        "size": filesizeformat(limit)
    }
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)
