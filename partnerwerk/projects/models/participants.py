"""Who takes part in a project and where it works (issue 5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    SoftDeleteModel,
    TimeStampedModel,
    soft_delete_managers,
)
from partnerwerk.projects.models.projects import Project


class ParticipantRole(models.TextChoices):
    """The four roles of IATI's OrganisationRole code list; `iati_code` gives the number."""

    FUNDING = "funding", _("funding")
    ACCOUNTABLE = "accountable", _("accountable")
    EXTENDING = "extending", _("extending")
    IMPLEMENTING = "implementing", _("implementing")


PARTICIPANT_ROLE_IATI_CODES = {
    "funding": "1",
    "accountable": "2",
    "extending": "3",
    "implementing": "4",
}


class ProjectParticipant(TimeStampedModel, SoftDeleteModel):
    """An organisation taking part in a project in one of IATI's roles."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="participants", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        related_name="project_participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=15, choices=ParticipantRole.choices)

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"],
                condition=models.Q(deleted_at__isnull=True),
                name="participant_unique_role_per_project",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectLocation(TimeStampedModel, SoftDeleteModel):
    """A place where a project works (beyond the places of its partnerships)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="locations", verbose_name=_("project")
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        related_name="project_locations",
        verbose_name=_("place"),
    )
    note_de = models.CharField(_("note (German)"), max_length=300, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("project location")
        verbose_name_plural = _("project locations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "place"],
                condition=models.Q(deleted_at__isnull=True),
                name="location_unique_place_per_project",
            )
        ]

    def __str__(self):
        return str(self.place)
