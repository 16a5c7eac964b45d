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


def _not_negative(field: str, name: str) -> models.CheckConstraint:
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
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        help_text=_("The original currency of the amount (ISO 4217)."),
    )
    value_date = models.DateField(
        _("exchange date"),
        null=True,
        blank=True,
        help_text=_("The date whose exchange rate converted the amount into euros."),
    )
    amount_eur = models.DecimalField(
        _("amount in euros"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The amount converted into euros, for amounts in another currency."),
    )
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
            _not_negative("amount_eur", "transaction_amount_eur_not_negative"),
            models.CheckConstraint(
                condition=models.Q(amount_eur__isnull=True)
                | (~models.Q(currency="EUR") & models.Q(value_date__isnull=False)),
                name="transaction_conversion_has_foreign_currency_and_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="in_kind")
                | ~models.Q(description_de="", description_en=""),
                name="transaction_in_kind_is_described",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount or ''} {self.currency}".strip()

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def amount_in_euros(self):
        """The amount in euros: as entered, converted, or None when unknown or unconverted."""
        if self.amount is None:
            return None
        return self.amount if self.currency == "EUR" else self.amount_eur


# -- money, participants, places and results (issue 5) -------------------------------------


class BudgetKind(models.TextChoices):
    ORIGINAL = "original", _("original")
    REVISED = "revised", _("revised")


class BudgetStatus(models.TextChoices):
    INDICATIVE = "indicative", _("indicative")
    COMMITTED = "committed", _("committed")


class Budget(TimeStampedModel, SoftDeleteModel):
    """The money planned for a project in one period (IATI: at most a year per period)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    kind = models.CharField(
        _("kind"), max_length=10, choices=BudgetKind.choices, default=BudgetKind.ORIGINAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BudgetStatus.choices, default=BudgetStatus.INDICATIVE
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    value_date = models.DateField(
        _("value date"),
        null=True,
        blank=True,
        help_text=_("The date the amount was valued at; the period start when empty."),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start", "kind", "id"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="budget_period_ends_after_start",
            ),
            _not_negative("amount", "budget_amount_not_negative"),
            models.UniqueConstraint(
                fields=["project", "kind", "period_start", "period_end"],
                condition=models.Q(deleted_at__isnull=True),
                name="budget_unique_kind_and_period_per_project",
            ),
        ]

    def __str__(self):
        return f"{self.period_start}–{self.period_end}: {self.amount} {self.currency}"


class FundingSource(TimeStampedModel, SoftDeleteModel):
    """Who or what pays for a project: a funding organisation, a programme, or both."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding_sources")
    funder = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_projects",
        verbose_name=_("funder"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_projects",
        verbose_name=_("programme"),
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when the source names the funder but no amount."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    note_de = models.TextField(_("note (German)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(funder__isnull=False) | models.Q(programme__isnull=False),
                name="funding_source_names_funder_or_programme",
            ),
            _not_negative("amount", "funding_source_amount_not_negative"),
        ]

    def __str__(self):
        return str(self.funder or self.programme)


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

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participants")
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

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="locations")
    place = models.ForeignKey(
        "places.Place", on_delete=models.PROTECT, related_name="project_locations"
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


class ResultKind(models.TextChoices):
    OUTPUT = "output", _("output")
    OUTCOME = "outcome", _("outcome")
    IMPACT = "impact", _("impact")
    OTHER = "other", _("other")


RESULT_KIND_IATI_CODES = {"output": "1", "outcome": "2", "impact": "3", "other": "9"}


class Result(TimeStampedModel, SoftDeleteModel):
    """What a project wants to achieve, measured by indicators."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(
        _("kind"), max_length=10, choices=ResultKind.choices, default=ResultKind.OUTPUT
    )
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Measure(models.TextChoices):
    UNIT = "unit", _("unit")
    PERCENTAGE = "percentage", _("percentage")
    NOMINAL = "nominal", _("nominal")
    ORDINAL = "ordinal", _("ordinal")
    QUALITATIVE = "qualitative", _("qualitative")


MEASURE_IATI_CODES = {
    "unit": "1",
    "percentage": "2",
    "nominal": "3",
    "ordinal": "4",
    "qualitative": "5",
}


class ResultIndicator(TimeStampedModel, SoftDeleteModel):
    """How a result is measured: a baseline, and targets and actual values per period."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    measure = models.CharField(
        _("measure"), max_length=12, choices=Measure.choices, default=Measure.UNIT
    )
    ascending = models.BooleanField(
        _("higher is better"), default=True, help_text=_("Whether a rising value is progress.")
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=4, null=True, blank=True
    )

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(baseline_value__isnull=True)
                | models.Q(baseline_year__isnull=False),
                name="indicator_baseline_value_has_a_year",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class IndicatorPeriod(TimeStampedModel, SoftDeleteModel):
    """The target and the actual value of an indicator in one period."""

    indicator = models.ForeignKey(ResultIndicator, on_delete=models.CASCADE, related_name="periods")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    target_value = models.DecimalField(
        _("target value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    actual_value = models.DecimalField(
        _("actual value"), max_digits=16, decimal_places=4, null=True, blank=True
    )

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_start", "id"]
        verbose_name = _("indicator period")
        verbose_name_plural = _("indicator periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="indicator_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(target_value__isnull=False)
                | models.Q(actual_value__isnull=False),
                name="indicator_period_has_a_value",
            ),
        ]

    def __str__(self):
        return f"{self.period_start}–{self.period_end}"
