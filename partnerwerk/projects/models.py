from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    DatePrecision,
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


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    SUSPENDED = "suspended", _("suspended")
    CANCELLED = "cancelled", _("cancelled")


class PublicQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Project(TimeStampedModel, SoftDeleteModel):
    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_de = models.TextField(_("summary (German)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices)
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership", blank=True, related_name="projects"
    )
    themes = models.ManyToManyField("partnerships.Theme", blank=True, related_name="projects")
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
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


class Activity(TimeStampedModel, SoftDeleteModel):
    """Something that happened or will happen on a date or in a period."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
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
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership", blank=True, related_name="activities"
    )
    themes = models.ManyToManyField("partnerships.Theme", blank=True, related_name="activities")
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

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")


class TransactionKind(models.TextChoices):
    INCOMING_FUNDS = "incoming_funds", _("incoming funds")
    COMMITMENT = "commitment", _("commitment")
    DISBURSEMENT = "disbursement", _("disbursement")
    EXPENDITURE = "expenditure", _("expenditure")
    DONATION = "donation", _("cash donation")
    IN_KIND = "in_kind", _("in-kind contribution")


class Transaction(TimeStampedModel, SoftDeleteModel):
    """Money or goods moving for a project or activity; amounts are decimals with a currency."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    kind = models.CharField(_("kind"), max_length=20, choices=TransactionKind.choices)
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="transactions"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, null=True, blank=True, related_name="transactions"
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty for an in-kind contribution without a known value."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    provider = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provided_transactions",
    )
    receiver = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_transactions",
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "key"]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(activity__isnull=False),
                name="transaction_belongs_to_project_or_activity",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="transaction_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=False) | models.Q(kind="in_kind"),
                name="transaction_amount_unless_in_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount or ''} {self.currency}".strip()
