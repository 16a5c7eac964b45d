"""The client's address behind trusted proxies only."""

import pytest
from django.test import RequestFactory

from partnerwerk.core.security import client_ip


def request_from(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_direct_peer_is_the_client(settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_an_untrusted_peer_cannot_claim_another_address(settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from("203.0.113.5", "10.0.0.9, 198.51.100.1")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("192.0.2.66, 203.0.113.5", "203.0.113.5"),  # the left entry is the client's own claim
        ("192.0.2.66, 203.0.113.5, 10.1.2.3", "203.0.113.5"),  # a second trusted proxy
        (" 2001:db8::7 ", "2001:db8::7"),
        ("not-an-address, 203.0.113.5", "203.0.113.5"),
        ("203.0.113.5, not-an-address", "10.0.0.2"),  # no proxy appends that: keep the peer
        ("", "10.0.0.2"),
    ],
)
def test_behind_a_trusted_proxy_the_right_most_untrusted_entry_is_the_client(
    settings, forwarded, client
):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from("10.0.0.2", forwarded)) == client


def test_a_trusted_proxy_without_a_forwarded_header_is_the_client(settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"


def test_a_malformed_trusted_proxy_is_refused_by_name():
    from partnerwerk.core.tests.test_settings import load_settings

    result = load_settings(PARTNERWERK_TRUSTED_PROXIES="10.0.0.1, proxy.example.org")
    assert result.returncode != 0
    assert "PARTNERWERK_TRUSTED_PROXIES must list IP addresses or networks" in result.stderr
