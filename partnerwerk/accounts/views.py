"""Sign-in in two steps (password, then a second factor), two-factor setup, invitations."""

import logging

import django_otp
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from partnerwerk.accounts import services, two_factor
from partnerwerk.accounts.forms import AuthenticatorForm, InvitationAcceptForm, SecondFactorForm
from partnerwerk.accounts.middleware import session_start
from partnerwerk.accounts.models import OfficeRole
from partnerwerk.accounts.rules import roles_of
from partnerwerk.core.security import client_ip

security_log = logging.getLogger("partnerwerk.security")


def safe_next(request) -> str:
    """The `next` address when it stays on this site, else the user's start page: no open
    redirect through `next=`."""
    return safe_next_raw(request) or start_page(request.user)


def _english_first(user) -> bool:
    # Counterparts in the partner city read the office in English (the wish).
    return roles_of(user).roles == {OfficeRole.COUNTERPART}


def start_page(user) -> str:
    """The dashboard; in English for a partner-city counterpart with no other role."""
    if _english_first(user):
        with translation.override("en"):
            return reverse("office:dashboard")
    return reverse("office:dashboard")


def after_sign_in(request) -> str:
    """Where a completed sign-in goes: `next` when safe (in English for a counterpart),
    else the start page."""
    target = safe_next(request)
    if _english_first(request.user) and target.startswith("/") and not target.startswith("/en/"):
        target = translate_url(target, "en")
    return target


def _with_next(name: str, request) -> str:
    target = resolve_url(name)
    next_url = request.POST.get("next") or request.GET.get("next")
    return f"{target}?{urlencode({'next': next_url})}" if next_url else target


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def sign_in(request):
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            session_start(request)
            security_log.info("password accepted: user=%s address=%s", user.pk, client_ip(request))
            step = "accounts:verify" if two_factor.has_confirmed_device(user) else None
            return redirect(_with_next(step or "accounts:two-factor-setup", request))
        security_log.warning(
            "sign-in refused: username=%r address=%s",
            request.POST.get("username", "")[:150],
            client_ip(request),
        )
    return render(request, "accounts/sign_in.html", {"form": form, "next": safe_next_raw(request)})


def safe_next_raw(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


@sensitive_post_parameters("token")
@csrf_protect
@never_cache
def verify(request):
    user = request.user
    if not user.is_authenticated:
        return redirect(_with_next("accounts:sign-in", request))
    if not two_factor.has_confirmed_device(user):
        return redirect(_with_next("accounts:two-factor-setup", request))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.second_factor_match(user=user, token=form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            security_log.info(
                "signed in with two factors: user=%s device=%s address=%s",
                user.pk,
                type(device).__name__,
                client_ip(request),
            )
            return HttpResponseRedirect(after_sign_in(request))
        security_log.warning(
            "second factor refused: user=%s address=%s", user.pk, client_ip(request)
        )
        form.add_error("token", _("This code is not valid (or was used already)."))
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next_raw(request)})


@sensitive_post_parameters("token")
@csrf_protect
@never_cache
def two_factor_setup(request):
    """Set up an authenticator app. Someone who already has one must prove it first: a stolen
    password alone must not be enough to attach a new authenticator."""
    user = request.user
    if not user.is_authenticated:
        return redirect(_with_next("accounts:sign-in", request))
    if two_factor.has_confirmed_device(user) and not two_factor.is_verified(request):
        return redirect(_with_next("accounts:verify", request))
    device = two_factor.pending_authenticator(user)
    form = AuthenticatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.authenticator_confirm(device=device, token=form.cleaned_data["token"])
        if codes is not None:
            django_otp.login(request, device)
            security_log.info("authenticator set up: user=%s", user.pk)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": after_sign_in(request)},
            )
        form.add_error("token", _("This code does not match; check the time on your phone."))
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_for_typing(device),
        "next": safe_next_raw(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@csrf_protect
@never_cache
def recovery_codes(request):
    if not request.user.is_authenticated or not two_factor.is_verified(request):
        return redirect(_with_next("accounts:sign-in", request))
    if request.method == "POST":
        codes = two_factor.recovery_codes_renew(user=request.user)
        security_log.info("recovery codes renewed: user=%s", request.user.pk)
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": start_page(request.user)},
        )
    return render(request, "accounts/recovery_codes_renew.html")


@require_POST
@csrf_protect
def sign_out(request):
    user_id = request.user.pk
    logout(request)
    security_log.info("signed out: user=%s", user_id)
    messages.info(request, _("You are signed out."))
    return redirect("accounts:sign-in")


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
def invitation_accept(request, token: str):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(request.POST or None, initial={"username": invitation.email})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error("password1" if field == "password" else field, errors)
            else:
                form.add_error(None, error.messages)
        else:
            logout(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            session_start(request)
            security_log.info("invitation accepted: user=%s role=%s", user.pk, invitation.role)
            return redirect("accounts:two-factor-setup")
    return render(request, "accounts/invitation.html", {"form": form, "invitation": invitation})
