"""The second factor through django-otp: an authenticator app (TOTP) and one-time recovery
codes. django-otp refuses a TOTP code that was already used (it remembers the last time step
per device) and slows down guessing after failures."""

import base64
import re
from io import BytesIO

import django_otp
import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"
# What StaticToken.random_token() makes: 5 random bytes in lower-case base32.
RECOVERY_CODE_PATTERN = re.compile(r"[a-z2-7]{8}")


def is_verified(request) -> bool:
    """Signed in with a password and a second factor in this session."""
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def has_confirmed_device(user) -> bool:
    return django_otp.user_has_device(user, confirmed=True)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator the user is setting up (created unconfirmed on first request)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG QR code in a data: address (no inline
    markup, allowed by the CSP's img-src)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_for_typing(device: TOTPDevice) -> str:
    """The shared secret in base32 groups of four, for apps without a camera."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


@transaction.atomic
def authenticator_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a new authenticator with a code from it; returns fresh recovery codes, or None
    when the code is wrong. Older authenticators and recovery codes of the user are removed."""
    if not device.verify_token(_digits(token)):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def second_factor_match(*, user, token: str):
    """The device that accepts the code (an authenticator code or a recovery code), or None.
    A recovery code is used up; an authenticator code cannot be used twice.

    A code is checked only by the kind of device it can belong to: six digits by the
    authenticator, a recovery code by the recovery codes. Trying every device would count
    each recovery code as a failed authenticator code, and django-otp's pause after failures
    would then refuse the right authenticator code.
    """
    code = re.sub(r"[\s-]", "", token).lower()
    for device in django_otp.devices_for_user(user, confirmed=True):
        if not _can_belong_to(code, device):
            continue
        allowed, _reason = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            return device
    return None


def _can_belong_to(code: str, device) -> bool:
    if isinstance(device, TOTPDevice):
        return code.isascii() and code.isdigit() and len(code) == device.digits
    if isinstance(device, StaticDevice):
        return RECOVERY_CODE_PATTERN.fullmatch(code) is not None
    return False


def _digits(token: str) -> str:
    return "".join(character for character in token if character.isdigit())
