"""Sign-in in two steps, by invitation, with lockout and session ends."""

import logging

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerwerk.accounts import services
from partnerwerk.accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from partnerwerk.testing import (
    make_organisation,
    make_user,
    sign_in_with_two_factors,
    totp_now,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
OFFICE_PAGES = ["/office/", "/office/partnerships/", "/office/people/", "/en/office/trash/"]


@pytest.fixture
def alice(db):
    """Office staff with an authenticator set up."""
    user = make_user(username="alice", role="office", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def _sign_in(client, username="alice", password=PASSWORD, address="10.0.0.1", **data):
    return client.post(
        "/accounts/sign-in/",
        {"username": username, "password": password, **data},
        REMOTE_ADDR=address,
    )


def test_an_invited_department_editor_sets_a_password_and_two_factors_and_works():
    organisation = make_organisation(name="Umweltamt")
    _invitation, token = services.invitation_create(
        actor=None, email="Editor@Example.org", role="department_editor", organisation=organisation
    )
    client = Client()
    page = client.get(f"/accounts/invitation/{token}/")
    assert page.status_code == 200
    assert "editor@example.org" in page.content.decode()

    response = client.post(
        f"/accounts/invitation/{token}/",
        {"username": "edith", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == "/accounts/two-factor/"
    assert client.get("/office/")["Location"].startswith("/accounts/two-factor/")

    setup = client.get("/accounts/two-factor/")
    assert b"data:image/svg+xml;base64," in setup.content
    device = TOTPDevice.objects.get(user__username="edith", confirmed=False)
    codes_page = client.post("/accounts/two-factor/", {"token": totp_now(device)})
    assert codes_page.status_code == 200
    assert StaticToken.objects.filter(device__user__username="edith").count() == 10

    assert client.get("/office/").status_code == 200
    # The link works once.
    assert client.get(f"/accounts/invitation/{token}/").status_code == 404


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("short pass", False),  # fewer than 12 characters
        ("password1234", False),  # a common password
        ("lowercase words only here", True),  # no composition rules
    ],
)
def test_passwords_follow_current_guidance(password, accepted):
    _invitation, token = services.invitation_create(
        actor=None, email="v@example.org", role="viewer"
    )
    client = Client()
    response = client.post(
        f"/accounts/invitation/{token}/",
        {"username": "victor", "password1": password, "password2": password},
    )
    assert (response.status_code == 302) is accepted


def test_a_password_only_session_reaches_no_office_page(client, alice):
    response = _sign_in(client)
    assert response["Location"] == "/accounts/sign-in/code/"
    for path in OFFICE_PAGES:
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert "/accounts/sign-in/code/?next=" in answer["Location"], path


def test_the_admin_needs_two_factors_and_a_new_administrator_sets_them_up_first(client):
    make_user(username="root", password=PASSWORD, is_superuser=True, is_staff=True)
    _sign_in(client, username="root")
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/two-factor/?next=%2Fadmin%2F"
    assert b"data:image/svg+xml" in response.content
    root = make_user(username="root2", is_superuser=True, is_staff=True)
    sign_in_with_two_factors(client, root)
    assert client.get("/admin/").status_code == 200


def test_a_totp_code_signs_in_once_and_a_replay_is_refused(client, alice, caplog):
    device = alice.totpdevice_set.get()
    code = totp_now(device)
    _sign_in(client)
    assert client.post("/accounts/sign-in/code/", {"token": code})["Location"] == "/office/"
    assert client.get("/office/").status_code == 200
    client.post("/accounts/sign-out/")

    _sign_in(client)
    with caplog.at_level(logging.WARNING, logger="partnerwerk.security"):
        replay = client.post("/accounts/sign-in/code/", {"token": code})
    assert replay.status_code == 200
    assert "errorlist" in replay.content.decode()
    assert client.get("/office/").status_code == 302
    assert "second factor refused" in caplog.text
    assert code not in caplog.text


def test_a_recovery_code_works_once(client, alice):
    from partnerwerk.accounts.two_factor import recovery_codes_renew

    code = recovery_codes_renew(user=alice)[0]
    _sign_in(client)
    assert client.post("/accounts/sign-in/code/", {"token": code}).status_code == 302
    client.post("/accounts/sign-out/")
    _sign_in(client)
    assert client.post("/accounts/sign-in/code/", {"token": code}).status_code == 200


def test_a_stolen_password_cannot_attach_a_new_authenticator(client, alice):
    _sign_in(client)
    response = client.get("/accounts/two-factor/")
    assert response["Location"].startswith("/accounts/sign-in/code/")
    assert TOTPDevice.objects.filter(user=alice).count() == 1


def test_no_open_redirect_through_next(client, alice):
    _sign_in(client, next="https://evil.example/steal")
    code = totp_now(alice.totpdevice_set.get())
    response = client.post(
        "/accounts/sign-in/code/?next=https://evil.example/steal",
        {"token": code, "next": "//evil.example/"},
    )
    assert response["Location"] == "/office/"


def test_next_within_the_site_is_followed(client, alice):
    _sign_in(client)
    code = totp_now(alice.totpdevice_set.get())
    response = client.post("/accounts/sign-in/code/", {"token": code, "next": "/office/people/"})
    assert response["Location"] == "/office/people/"


def test_failed_sign_ins_lock_the_user_only_from_that_address(alice, caplog, settings):
    attacker = Client()
    with caplog.at_level(logging.WARNING, logger="partnerwerk.security"):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            _sign_in(attacker, password="wrong guess here", address="203.0.113.9")
        # Even the right password is refused from the attacker's address now ...
        assert _sign_in(attacker, address="203.0.113.9").status_code == 429
    assert "sign-in refused" in caplog.text
    assert "wrong guess here" not in caplog.text
    assert "sign-in locked: username='alice' address=203.0.113.9" in caplog.text
    # ... while Alice signs in from her own.
    assert _sign_in(Client(), address="10.0.0.1")["Location"] == "/accounts/sign-in/code/"


def test_sign_out_ends_the_session(client, alice):
    sign_in_with_two_factors(client, alice)
    assert client.get("/office/").status_code == 200
    assert client.get("/accounts/sign-out/").status_code == 405  # only by POST (a form)
    client.post("/accounts/sign-out/")
    assert client.get("/office/")["Location"].startswith("/accounts/sign-in/")


def test_deactivation_ends_the_session_at_once(client, alice):
    sign_in_with_two_factors(client, alice)
    services.user_deactivate(actor=None, user=alice)
    assert client.get("/office/")["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize(
    ("key", "seconds"), [(LAST_SEEN, 31 * 60), (SIGNED_IN_AT, 11 * 3600)], ids=["idle", "age"]
)
def test_sessions_end_after_idleness_and_at_the_latest_after_the_absolute_timeout(
    client, alice, key, seconds
):
    sign_in_with_two_factors(client, alice)
    assert client.get("/office/").status_code == 200
    session = client.session
    session[key] = session[key] - seconds
    if key == SIGNED_IN_AT:
        session[LAST_SEEN] = session[LAST_SEEN]  # recently active all along
    session.save()
    assert client.get("/office/")["Location"].startswith("/accounts/sign-in/")


def test_a_user_without_an_office_role_is_refused_and_logged(client, caplog):
    sign_in_with_two_factors(client, make_user())
    with caplog.at_level(logging.WARNING, logger="partnerwerk.security"):
        assert client.get("/office/").status_code == 403
    assert "access refused" in caplog.text


def test_a_post_without_the_csrf_token_is_refused(alice):
    from partnerwerk.testing import make_project

    project = make_project()
    client = Client(enforce_csrf_checks=True)
    sign_in_with_two_factors(client, alice)
    assert client.post(f"/office/projects/{project.pk}/delete/").status_code == 403
    project.refresh_from_db()
    assert project.deleted_at is None


def test_behind_a_trusted_proxy_the_lockout_keys_on_the_forwarded_client(alice, settings):
    settings.PARTNERWERK_TRUSTED_PROXIES = ["10.0.0.2"]
    attacker = Client(HTTP_X_FORWARDED_FOR="203.0.113.9")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(attacker, password="wrong guess here", address="10.0.0.2")
    assert _sign_in(attacker, address="10.0.0.2").status_code == 429
    # Alice signs in through the same proxy from her own address.
    alice_client = Client(HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert _sign_in(alice_client, address="10.0.0.2")["Location"] == "/accounts/sign-in/code/"
