"""Measures of a joint programme, with a side for each city, and the comment thread on each."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from partnerwerk.action_programmes.models.common import ends_after_start, has_text
from partnerwerk.action_programmes.models.programmes import Goal
from partnerwerk.core.models import (
    PublicQuerySet,
    Publishable,
    SoftDeleteModel,
    TimeStampedModel,
    Visibility,
    localized,
    soft_delete_managers,
)


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    ON_HOLD = "on_hold", _("on hold")
    CANCELLED = "cancelled", _("cancelled")


# A measure in one of these states is not late, whatever its end date says.
CLOSED_STATUSES = (MeasureStatus.COMPLETED, MeasureStatus.CANCELLED)

# The fields each side of a measure keeps; the rest is the measure as a whole (decision 0029).
SIDE_FIELDS = {
    side: (
        f"{side}_organisation",
        f"{side}_person",
        f"{side}_tasks_de",
        f"{side}_tasks_en",
        f"{side}_resources_de",
        f"{side}_resources_en",
        f"{side}_funding_de",
        f"{side}_funding_en",
    )
    for side in ("home", "partner")
}


class MeasureQuerySet(PublicQuerySet):
    def public(self):
        """Measures anyone may see: public themselves and under a public goal."""
        return super().public().filter(goal__in=Goal.objects.public())

    def late(self, today: datetime.date):
        """Measures whose end date has passed that are neither completed nor cancelled."""
        return self.filter(end_date__lt=today).exclude(status__in=CLOSED_STATUSES)


def _side_fields(organisation_label, person_label):
    """The responsible organisation and person of one side."""
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=organisation_label,
    )
    person = models.ForeignKey(
        "actors.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=person_label,
    )
    return organisation, person


class Measure(Publishable, TimeStampedModel, SoftDeleteModel):
    """What the partners do for a goal. The home side (the home city's responsible
    organisation and person, its tasks, resources and funding) and the partner side are kept
    by each city; title, period, status and links by the office."""

    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="measures", verbose_name=_("goal")
    )
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    needs_third_parties = models.BooleanField(
        _("needs third parties"),
        default=False,
        help_text=_("The two cities cannot carry out the measure alone."),
    )
    third_parties_de = models.TextField(_("third parties needed (German)"), blank=True)
    third_parties_en = models.TextField(_("third parties needed (English)"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    home_organisation, home_person = _side_fields(
        _("responsible organisation in the home city"), _("responsible person in the home city")
    )
    home_tasks_de = models.TextField(_("tasks of the home city (German)"), blank=True)
    home_tasks_en = models.TextField(_("tasks of the home city (English)"), blank=True)
    home_resources_de = models.TextField(_("resources of the home city (German)"), blank=True)
    home_resources_en = models.TextField(_("resources of the home city (English)"), blank=True)
    home_funding_de = models.CharField(
        _("funding source of the home city (German)"), max_length=300, blank=True
    )
    home_funding_en = models.CharField(
        _("funding source of the home city (English)"), max_length=300, blank=True
    )

    partner_organisation, partner_person = _side_fields(
        _("responsible organisation in the partner city"),
        _("responsible person in the partner city"),
    )
    partner_tasks_de = models.TextField(_("tasks of the partner city (German)"), blank=True)
    partner_tasks_en = models.TextField(_("tasks of the partner city (English)"), blank=True)
    partner_resources_de = models.TextField(_("resources of the partner city (German)"), blank=True)
    partner_resources_en = models.TextField(
        _("resources of the partner city (English)"), blank=True
    )
    partner_funding_de = models.CharField(
        _("funding source of the partner city (German)"), max_length=300, blank=True
    )
    partner_funding_en = models.CharField(
        _("funding source of the partner city (English)"), max_length=300, blank=True
    )

    projects = models.ManyToManyField(
        "projects.Project",
        blank=True,
        related_name="programme_measures",
        verbose_name=_("projects"),
        help_text=_("The projects that carry out the measure."),
    )
    activities = models.ManyToManyField(
        "projects.Activity",
        blank=True,
        related_name="programme_measures",
        verbose_name=_("activities"),
        help_text=_("The activities that carry out the measure."),
    )

    objects, all_objects = soft_delete_managers(MeasureQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = pgettext_lazy("joint programme", "measure")
        verbose_name_plural = pgettext_lazy("joint programme", "measures")
        constraints = [
            has_text("title", "measure_has_a_title", _("Give the measure a title.")),
            ends_after_start(
                "start_date",
                "end_date",
                "measure_period_ends_after_start",
                _("The measure cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    def is_late(self, today: datetime.date) -> bool:
        """The same rule as `Measure.objects.late`."""
        return (
            self.end_date is not None
            and self.end_date < today
            and self.status not in CLOSED_STATUSES
        )

    @property
    def is_public(self) -> bool:
        return super().is_public and self.goal.is_public


class MeasureComment(TimeStampedModel, SoftDeleteModel):
    """A remark in the thread of a measure, in the language its author wrote it in (a
    conversation is not translated; the language is kept so pages can mark it)."""

    measure = models.ForeignKey(
        Measure,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=pgettext_lazy("joint programme", "measure"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment on a measure")
        verbose_name_plural = _("comments on measures")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""),
                name="measurecomment_has_text",
                violation_error_message=_("Write a comment."),
            )
        ]

    def __str__(self):
        short = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"{self.author or '–'}: {short}"
