"""Activities: something that happened or will happen on a date or in a period."""

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
from partnerwerk.projects.models.projects import Project, period_constraint


class ActivityKind(models.TextChoices):
    DELEGATION_VISIT = "delegation_visit", _("delegation visit")
    WORKSHOP = "workshop", _("workshop")
    TRAINING = "training", _("training")
    CONFERENCE = "conference", _("conference")
    MEETING = "meeting", _("meeting")
    DONATION = "donation", _("donation or handover")
    EXCHANGE = "exchange", _("exchange or placement")
    FESTIVAL = "festival", _("festival")
    SIGNING = "signing", _("signing ceremony")


class Activity(Publishable, TimeStampedModel, SoftDeleteModel):
    """Something that happened or will happen on a date or in a period."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
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
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Local time in Europe/Berlin; empty for an all-day activity."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("place"),
    )
    location_text = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("Where, when no place record fits (e.g. only the country is known)."),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("project"),
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        blank=True,
        related_name="activities",
        verbose_name=_("partnerships"),
    )
    themes = models.ManyToManyField(
        "partnerships.Theme", blank=True, related_name="activities", verbose_name=_("themes")
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(PublicQuerySet)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "key"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [period_constraint("activity_period_ends_after_start")]
        # Lists in this order (portal, API, office) read the first page by the index instead
        # of sorting every activity: 880 ms to a few ms with a million (bench/load_cluster.py).
        indexes = [models.Index(fields=["start_date", "key"], name="activity_date_key")]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")
