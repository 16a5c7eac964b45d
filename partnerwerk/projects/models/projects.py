"""Projects: what they are, their status, and the rules their periods keep."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    DatePrecision,
    PublicQuerySet,
    Publishable,
    SoftDeleteModel,
    Source,
    TimeStampedModel,
    Visibility,
    localized,
    soft_delete_managers,
)


def period_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(end_date__isnull=True)
        | models.Q(start_date__isnull=True)
        | models.Q(end_date__gte=models.F("start_date")),
        name=name,
    )


def not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__gte": 0}),
        name=name,
    )


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    SUSPENDED = "suspended", _("suspended")
    CANCELLED = "cancelled", _("cancelled")


class Project(Publishable, TimeStampedModel, SoftDeleteModel):
    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_de = models.TextField(_("summary (German)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices)
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        blank=True,
        verbose_name=_("precision of the start"),
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        blank=True,
        verbose_name=_("precision of the end"),
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        blank=True,
        related_name="projects",
        verbose_name=_("partnerships"),
    )
    themes = models.ManyToManyField(
        "partnerships.Theme", blank=True, related_name="projects", verbose_name=_("themes")
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("programme"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(PublicQuerySet)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title_de"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [period_constraint("project_period_ends_after_start")]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")
