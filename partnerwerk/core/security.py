"""Security the framework does not give by itself: the Content Security Policy header and
the one definition of the client's address (behind trusted proxies only)."""

import functools
import ipaddress

from django.conf import settings


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
