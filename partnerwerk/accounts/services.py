"""Writes to accounts: invitations, memberships, deactivation."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerwerk.accounts.models import Invitation, Membership, OfficeRole, hash_token
from partnerwerk.accounts.rules import forget_roles

# Only administrators hand out the roles that can do everything.
ADMINISTRATOR_ONLY_ROLES = (OfficeRole.ADMINISTRATOR, OfficeRole.OFFICE)


def _check_scope(*, role: str, organisation, partnership) -> None:
    if role == OfficeRole.DEPARTMENT_EDITOR and organisation is None:
        raise ValidationError(_("A department editor needs the organisation they edit for."))
    if role == OfficeRole.COUNTERPART and partnership is None:
        raise ValidationError(_("A partner-city counterpart needs their partnership."))
    if role != OfficeRole.DEPARTMENT_EDITOR and organisation is not None:
        raise ValidationError(_("Only department editors are bound to an organisation."))
    if role != OfficeRole.COUNTERPART and partnership is not None:
        raise ValidationError(_("Only partner-city counterparts are bound to a partnership."))


def _check_may_grant(*, actor, role: str) -> None:
    if actor is None:  # the command line: whoever runs it administers the installation
        return
    if not actor.has_perm("accounts.invite"):
        raise PermissionDenied(_("You may not invite people."))
    if role in ADMINISTRATOR_ONLY_ROLES and not actor.has_perm("accounts.manage_users"):
        raise PermissionDenied(_("Only administrators may give this role."))


@transaction.atomic
def invitation_create(
    *,
    actor,
    email: str,
    role: str,
    organisation=None,
    partnership=None,
    language: str = settings.LANGUAGE_CODE,
) -> tuple[Invitation, str]:
    """A new invitation and its secret token (shown once; only its hash is stored)."""
    if role not in OfficeRole.values:
        raise ValidationError(_("Unknown role: %(role)s.") % {"role": role})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language: %(language)s.") % {"language": language})
    _check_may_grant(actor=actor, role=role)
    _check_scope(role=role, organisation=organisation, partnership=partnership)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        role=role,
        organisation=organisation,
        partnership=partnership,
        language=language,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + datetime.timedelta(days=settings.PARTNERWERK_INVITATION_DAYS),
    )
    return invitation, token


def invitation_link(*, invitation: Invitation, token: str, base_url: str) -> str:
    """The address that accepts the invitation, in the invitee's language."""
    with translation.override(invitation.language):
        return base_url.rstrip("/") + reverse("accounts:invitation", args=[token])


def invitation_send(*, invitation: Invitation, token: str, base_url: str) -> str:
    """E-mail the invitation in the invitee's language through Django's e-mail backend
    (`PARTNERWERK_EMAIL_BACKEND`, the console by default); returns the link it sent."""
    link = invitation_link(invitation=invitation, token=token, base_url=base_url)
    with translation.override(invitation.language):
        context = {
            "link": link,
            "role": invitation.get_role_display(),
            "partnership": invitation.partnership,
            "organisation": invitation.organisation,
            "expires": invitation.expires_at,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return link


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation the token belongs to, or None (unknown, used, revoked, expired)."""
    return Invitation.objects.open().filter(token_hash=hash_token(token)).first()


@transaction.atomic
def invitation_accept(*, token: str, username: str, password: str):
    """Create the account of an open invitation with its role; the password must pass the
    validators. Returns the new user."""
    invitation = (
        Invitation.objects.open().select_for_update().filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise ValidationError(_("This invitation is unknown, used or expired."))
    User = get_user_model()
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken; choose another.")})
    user = User(username=username, email=invitation.email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)
    user.save()
    Membership.objects.create(
        user=user,
        role=invitation.role,
        organisation=invitation.organisation,
        partnership=invitation.partnership,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    return user


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> Invitation:
    _check_may_grant(actor=actor, role=invitation.role)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    return invitation


@transaction.atomic
def membership_grant(*, actor, user, role: str, organisation=None, partnership=None) -> Membership:
    _check_may_grant(actor=actor, role=role)
    _check_scope(role=role, organisation=organisation, partnership=partnership)
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, organisation=organisation, partnership=partnership
    )
    forget_roles(user)
    return membership


@transaction.atomic
def membership_revoke(*, actor, membership: Membership) -> None:
    _check_may_grant(actor=actor, role=membership.role)
    membership.delete()
    forget_roles(membership.user)


@transaction.atomic
def user_deactivate(*, actor, user):
    """Deactivate an account: its sessions stop working at the next request (Django refuses
    inactive users), and it can no longer sign in."""
    if actor is not None and not actor.has_perm("accounts.manage_users"):
        raise PermissionDenied(_("Only administrators may deactivate accounts."))
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = False
    user.save(update_fields=["is_active"])
    forget_roles(user)
    return user
