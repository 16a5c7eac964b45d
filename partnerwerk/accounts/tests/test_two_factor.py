"""The second factor: each code is checked by the one kind of device it can belong to, so a
recovery code is no failed authenticator code, while wrong codes are still slowed down."""

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerwerk.accounts.two_factor import recovery_codes_renew, second_factor_match
from partnerwerk.testing import make_user, totp_now

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def alice():
    user = make_user(username="alice", role="office", password=PASSWORD)
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user)


def sign_in(client, token):
    client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD})
    return client.post("/accounts/sign-in/code/", {"token": token})


def test_after_five_recovery_code_sign_ins_the_authenticator_code_is_accepted(alice):
    codes = recovery_codes_renew(user=alice)
    for code in codes[:5]:
        client = Client()
        assert sign_in(client, code)["Location"] == "/office/"

    response = sign_in(Client(), totp_now(authenticator(alice)))
    assert response["Location"] == "/office/"


def test_a_recovery_code_typed_in_capitals_and_groups_is_accepted(alice):
    code = recovery_codes_renew(user=alice)[0]
    typed = f"{code[:4].upper()} {code[4:].upper()}"
    assert isinstance(second_factor_match(user=alice, token=typed), StaticDevice)


def test_a_wrong_authenticator_code_is_still_throttled(alice):
    recovery_codes_renew(user=alice)
    right = totp_now(authenticator(alice))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    assert second_factor_match(user=alice, token=wrong) is None
    assert authenticator(alice).throttling_failure_count == 1
    # Within the pause that follows a failure, even the right code is refused.
    assert second_factor_match(user=alice, token=right) is None
    assert authenticator(alice).throttling_failure_count == 1


def test_a_wrong_recovery_code_is_throttled_on_the_recovery_codes_only(alice):
    codes = recovery_codes_renew(user=alice)
    assert second_factor_match(user=alice, token="aaaaaaaa") is None
    recovery = StaticDevice.objects.get(user=alice)
    assert recovery.throttling_failure_count == 1
    assert authenticator(alice).throttling_failure_count == 0
    assert second_factor_match(user=alice, token=codes[0]) is None  # paused as well
    assert second_factor_match(user=alice, token=totp_now(authenticator(alice))) is not None


def test_text_that_is_no_code_at_all_is_refused(alice):
    recovery_codes_renew(user=alice)
    for token in ("", "   ", "12345", "1234567", "not a code", "abcdefgh1"):
        assert second_factor_match(user=alice, token=token) is None
