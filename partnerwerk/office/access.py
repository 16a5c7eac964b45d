"""Who may enter the back office. Every office view uses `office_view` or `OfficeAccessMixin`.

A request reaches an office view only when the user is signed in with two factors (a
password-only session is sent to the second step) and holds an office role; everything else
is refused with 403 and logged. What the user may do with a record is checked by the view
(`require_perm`) and again by the service it calls. What a form offers to choose is what the
user may read (`readable_choices`).
"""

import logging
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url

from partnerwerk.accounts.selectors import readable
from partnerwerk.accounts.two_factor import has_confirmed_device, is_verified
from partnerwerk.core.models import Source
from partnerwerk.core.security import client_ip
from partnerwerk.partnerships.models import Theme
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme

security_log = logging.getLogger("partnerwerk.security")


def office_refusal(request):
    """The response that turns the request away, or None when it may enter the office."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), resolve_url("accounts:sign-in"))
    if not is_verified(request):
        step = "accounts:verify" if has_confirmed_device(user) else "accounts:two-factor-setup"
        return redirect_to_login(request.get_full_path(), resolve_url(step))
    if not user.has_perm("office.enter"):
        log_refusal(request, "no office role")
        raise PermissionDenied
    return None


def log_refusal(request, reason: str) -> None:
    """A refused access, without secrets: who, what, from where, why."""
    security_log.warning(
        "access refused: user=%s path=%s method=%s address=%s reason=%s",
        getattr(request.user, "pk", None),
        request.path,
        request.method,
        client_ip(request),
        reason,
    )


def require_perm(request, permission: str, record=None) -> None:
    """Raise PermissionDenied (403) unless the user holds the permission for the record."""
    if not request.user.has_perm(permission, record):
        log_refusal(request, f"lacks {permission}")
        raise PermissionDenied


# Shared vocabularies every office member may pick from: they belong to no partnership.
# Every other model a form offers goes through `readable`, so a new one is closed by default.
OPEN_VOCABULARIES = frozenset({Place, Theme, Source, Programme})


def readable_choices(user, queryset):
    """The part of `queryset` a form may offer the user: the records they may read (the rule
    of the record pages), or all of a shared vocabulary."""
    if queryset.model in OPEN_VOCABULARIES:
        return queryset
    return readable(user, queryset)


def office_view(view):
    """Decorate a function view of the office (see the module's docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        refusal = office_refusal(request)
        if refusal is not None:
            return refusal
        return view(request, *args, **kwargs)

    return wrapper


class OfficeAccessMixin:
    """The class-based form of `office_view`; put it first among the bases."""

    def dispatch(self, request, *args, **kwargs):
        refusal = office_refusal(request)
        if refusal is not None:
            return refusal
        return super().dispatch(request, *args, **kwargs)
