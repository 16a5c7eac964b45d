"""The client's address behind trusted proxies only; the size limit of a request's body."""

import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.client import ClientHandler
from django.utils import translation

from partnerwerk.core.security import (
    RequestBodyLimitMiddleware,
    TrustedProxyHeadersMiddleware,
    client_ip,
)


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


# --- a secure request behind a proxy that ends TLS ----------------------------------------


def is_secure_behind(peer, *, proto="https"):
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_PROTO=proto)
    return TrustedProxyHeadersMiddleware(lambda request: request.is_secure())(request)


def test_a_trusted_proxy_that_ended_tls_makes_the_request_secure(settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert is_secure_behind("10.0.0.2") is True
    assert is_secure_behind("10.0.0.2", proto="http") is False


def test_a_client_that_reaches_the_app_server_directly_cannot_claim_https(settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert is_secure_behind("203.0.113.5") is False


@pytest.mark.django_db
def test_a_plain_request_claiming_https_is_still_redirected_to_https(client, settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    direct = client.get("/healthz", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https")
    assert direct.status_code == 301 and direct["Location"].startswith("https://")
    proxied = client.get("/healthz", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200


def test_the_forwarded_protocol_is_believed_only_when_trusted_proxies_are_set():
    from partnerwerk.core.tests.test_settings import GOOD_KEY, _run_django

    production = {
        "PARTNERWERK_ENV": "production",
        "PARTNERWERK_SECRET_KEY": GOOD_KEY,
        "PARTNERWERK_ALLOWED_HOSTS": "partner.example.org",
    }
    header = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    alone = _run_django(header, **production)
    behind = _run_django(header, **production, PARTNERWERK_TRUSTED_PROXIES="127.0.0.1")
    assert alone.stdout.strip() == "None", alone.stderr
    assert behind.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", behind.stderr


# --- the size of a request's body ---------------------------------------------------------


class CountingStream(io.BytesIO):
    """A request body that remembers how much of it was read."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data

    def readline(self, size=-1):
        data = super().readline(size)
        self.read_bytes += len(data)
        return data


def post_declaring(length, *, user=None, path="/en/office/documents/new/"):
    request = RequestFactory().post(path, data=b"x", content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = str(length)
    request.user = user or AnonymousUser()
    return RequestBodyLimitMiddleware(lambda request: HttpResponse("read by the view"))(request)


class SignedIn:
    is_authenticated = True


def test_a_signed_in_user_may_send_an_upload_an_anonymous_sender_may_not(settings):
    upload = settings.PARTNERWERK_UPLOAD_MAX_MB * 1024 * 1024
    assert post_declaring(upload).status_code == 413
    assert post_declaring(upload, user=SignedIn()).status_code == 200
    too_much = settings.PARTNERWERK_SIGNED_IN_MAX_BODY + 1
    assert post_declaring(too_much, user=SignedIn()).status_code == 413


def test_the_signed_in_limit_holds_the_largest_document_and_import_file(settings):
    from partnerwerk.exchange.tables import MAX_FILE_BYTES

    largest = max(settings.PARTNERWERK_UPLOAD_MAX_MB * 1024 * 1024, MAX_FILE_BYTES)
    assert largest < settings.PARTNERWERK_SIGNED_IN_MAX_BODY


def test_the_api_refuses_a_large_body_in_json():
    # The middleware is called without LocaleMiddleware before it: the language is set here.
    with translation.override("en"):
        response = post_declaring(10 * 1024 * 1024, path="/api/v1/sdg/suggest")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "too large" in json.loads(response.content)["detail"]


def test_a_small_or_invalid_length_passes_to_the_view():
    assert post_declaring(1024).status_code == 200
    assert post_declaring("not a number").status_code == 200


@pytest.mark.django_db
def test_a_chunked_body_without_content_length_is_never_read():
    from partnerwerk.feedback.models import Feedback

    body = CountingStream(b"message=" + b"x" * (1024 * 1024))
    environ = RequestFactory()._base_environ(
        PATH_INFO="/en/accessibility/",
        REQUEST_METHOD="POST",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )
    environ.pop("CONTENT_LENGTH", None)
    response = ClientHandler(enforce_csrf_checks=False)(environ)
    assert response.status_code == 400  # the form saw no message at all
    assert body.read_bytes == 0
    assert not Feedback.objects.exists()
