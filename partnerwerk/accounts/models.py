"""Who may do what in the office: roles are rows, so an administrator grants them without a
deploy, and each row carries the organisation or partnership the role is bound to."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import TimeStampedModel


class OfficeRole(models.TextChoices):
    OFFICE = "office", _("office staff")
    DEPARTMENT_EDITOR = "department_editor", _("department editor")
    COUNTERPART = "counterpart", _("partner-city counterpart")
    VIEWER = "viewer", _("viewer")
    ADMINISTRATOR = "administrator", _("administrator")


def role_scope_constraint(name: str) -> models.CheckConstraint:
    """A department editor is bound to an organisation, a counterpart to a partnership and
    every other role to neither."""
    return models.CheckConstraint(
        condition=models.Q(
            role=OfficeRole.DEPARTMENT_EDITOR, organisation__isnull=False, partnership__isnull=True
        )
        | models.Q(
            role=OfficeRole.COUNTERPART, organisation__isnull=True, partnership__isnull=False
        )
        | models.Q(
            role__in=[OfficeRole.OFFICE, OfficeRole.VIEWER, OfficeRole.ADMINISTRATOR],
            organisation__isnull=True,
            partnership__isnull=True,
        ),
        name=name,
    )


class Membership(TimeStampedModel):
    """One role of one user; a user may hold several (an editor for two departments)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=OfficeRole.choices)
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
        help_text=_("Department editors only: the organisation whose records they edit."),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("partnership"),
        help_text=_("Partner-city counterparts only: the partnership they work in."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["user__username", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            role_scope_constraint("membership_role_matches_its_scope"),
            # One row per role and scope (conditional, as NULLs never collide in a unique key).
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(organisation__isnull=True, partnership__isnull=True),
                name="membership_unique_unbound_role",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="membership_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "partnership"],
                condition=models.Q(partnership__isnull=False),
                name="membership_unique_partnership",
            ),
        ]

    def __str__(self):
        scope = self.organisation or self.partnership
        role = self.get_role_display()
        return f"{self.user} – {role} ({scope})" if scope else f"{self.user} – {role}"


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True).filter(
            expires_at__gt=timezone.now()
        )


def hash_token(token: str) -> str:
    # Only the hash is stored: a copy of the database does not let anyone accept an invitation.
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(TimeStampedModel):
    """An invitation to create an account with one role; the link carries a secret token."""

    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=OfficeRole.choices)
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partnership"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The invitation e-mail and the page it links to are in this language."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [role_scope_constraint("invitation_role_matches_its_scope")]

    def __str__(self):
        return f"{self.email} ({self.get_role_display()})"
