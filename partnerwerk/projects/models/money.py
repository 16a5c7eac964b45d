"""Money (issue 5): transactions, budgets and funding sources of projects and activities.

An amount keeps its original currency. An amount in another currency than the euro is
converted at a stated rate on a stated date (`exchange_rate`: units of the currency per
euro, "1 EUR = 12.5 GHS"; `value_date`); `amount_eur` holds the result (decision 0027).
"""

from django.db import models
from django.utils import formats
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
from partnerwerk.projects.currency import EURO, money_text
from partnerwerk.projects.models.activities import Activity
from partnerwerk.projects.models.projects import Project, not_negative
from partnerwerk.projects.models.visibility import PublicTransaction, TransactionQuerySet


def exchange_rate_field() -> models.DecimalField:
    return models.DecimalField(
        _("exchange rate (1 euro = … units of the currency)"),
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "How many units of the currency one euro was worth on the exchange date, "
            "e.g. 12.5 for 1 EUR = 12.5 GHS; the amount in euros is the amount divided by it."
        ),
    )


def conversion_constraints(prefix: str) -> list[models.CheckConstraint]:
    """A converted value needs a foreign currency and an exchange date; a stated rate is
    positive and comes with the value it gave."""
    converted = models.Q(amount_eur__isnull=True) | (
        ~models.Q(currency=EURO) & models.Q(value_date__isnull=False)
    )
    rated = models.Q(exchange_rate__isnull=True) | (
        models.Q(exchange_rate__gt=0)
        & ~models.Q(currency=EURO)
        & models.Q(value_date__isnull=False)
        & models.Q(amount_eur__isnull=False)
    )
    constraints = [
        models.CheckConstraint(condition=rated, name=f"{prefix}_rate_with_date_and_value")
    ]
    if prefix != "transaction":  # the transaction's older constraint says the same
        constraints.append(
            models.CheckConstraint(
                condition=converted, name=f"{prefix}_conversion_has_foreign_currency_and_date"
            )
        )
    return constraints


class TransactionKind(models.TextChoices):
    INCOMING_FUNDS = "incoming_funds", _("incoming funds")
    COMMITMENT = "commitment", _("commitment")
    DISBURSEMENT = "disbursement", _("disbursement")
    EXPENDITURE = "expenditure", _("expenditure")
    DONATION = "donation", _("cash donation")
    IN_KIND = "in_kind", _("in-kind contribution")


class Transaction(PublicTransaction, TimeStampedModel, SoftDeleteModel):
    """Money or goods moving for a project or activity; amounts are decimals with a currency."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    kind = models.CharField(_("kind"), max_length=20, choices=TransactionKind.choices)
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transactions",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transactions",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, blank=True
    )
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
    exchange_rate = exchange_rate_field()
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
        verbose_name=_("provider"),
    )
    receiver = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_transactions",
        verbose_name=_("receiver"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(TransactionQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "key"]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(activity__isnull=False),
                name="transaction_belongs_to_project_or_activity",
                violation_error_message=_("A transaction belongs to a project or an activity."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="transaction_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=False) | models.Q(kind="in_kind"),
                name="transaction_amount_unless_in_kind",
                violation_error_message=_(
                    "State the amount; only an in-kind contribution may have none."
                ),
            ),
            not_negative("amount_eur", "transaction_amount_eur_not_negative"),
            models.CheckConstraint(
                condition=models.Q(amount_eur__isnull=True)
                | (~models.Q(currency="EUR") & models.Q(value_date__isnull=False)),
                name="transaction_conversion_has_foreign_currency_and_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="in_kind")
                | ~models.Q(description_de="", description_en=""),
                name="transaction_in_kind_is_described",
                violation_error_message=_("Describe the in-kind contribution."),
            ),
            *conversion_constraints("transaction"),
        ]

    def __str__(self):
        parts = [str(self.get_kind_display())]
        if self.amount is not None:
            parts.append(money_text(self.amount, self.currency))
        if self.date:
            parts.append(formats.date_format(self.date, "SHORT_DATE_FORMAT"))
        return " · ".join(parts)

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def amount_in_euros(self):
        """The amount in euros: as entered, converted, or None when unknown or unconverted."""
        if self.amount is None:
            return None
        return self.amount if self.currency == EURO else self.amount_eur


class BudgetKind(models.TextChoices):
    ORIGINAL = "original", _("original")
    REVISED = "revised", _("revised")


class BudgetStatus(models.TextChoices):
    INDICATIVE = "indicative", _("indicative")
    COMMITTED = "committed", _("committed")


class Budget(TimeStampedModel, SoftDeleteModel):
    """The money planned for a project in one period (IATI: at most a year per period)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("project")
    )
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
        help_text=_(
            "The date the amount was valued at; for another currency, the date of the "
            "exchange rate. The period start when empty."
        ),
    )
    exchange_rate = exchange_rate_field()
    amount_eur = models.DecimalField(
        _("amount in euros"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The amount converted into euros, for amounts in another currency."),
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
                violation_error_message=_("The period ends before it starts."),
            ),
            not_negative("amount", "budget_amount_not_negative"),
            models.UniqueConstraint(
                fields=["project", "kind", "period_start", "period_end"],
                condition=models.Q(deleted_at__isnull=True),
                name="budget_unique_kind_and_period_per_project",
                violation_error_message=_(
                    "The project already has a budget of this kind for this period."
                ),
            ),
            not_negative("amount_eur", "budget_amount_eur_not_negative"),
            *conversion_constraints("budget"),
        ]

    def __str__(self):
        return _("Budget %(start)s–%(end)s: %(amount)s") % {
            "start": formats.date_format(self.period_start, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(self.period_end, "SHORT_DATE_FORMAT"),
            "amount": money_text(self.amount, self.currency),
        }

    @property
    def amount_in_euros(self):
        """The amount in euros: as entered, converted, or None when unconverted."""
        return self.amount if self.currency == EURO else self.amount_eur


class FundingSource(TimeStampedModel, SoftDeleteModel):
    """Who or what pays for a project: a funding organisation, a programme, or both."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="funding_sources",
        verbose_name=_("project"),
    )
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
    value_date = models.DateField(
        _("exchange date"),
        null=True,
        blank=True,
        help_text=_("The date whose exchange rate converted the amount into euros."),
    )
    exchange_rate = exchange_rate_field()
    amount_eur = models.DecimalField(
        _("amount in euros"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The amount converted into euros, for amounts in another currency."),
    )
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
                violation_error_message=_("Name the funder, the programme or both."),
            ),
            not_negative("amount", "funding_source_amount_not_negative"),
            not_negative("amount_eur", "funding_source_amount_eur_not_negative"),
            *conversion_constraints("funding_source"),
        ]

    def __str__(self):
        return str(self.funder or self.programme)

    @property
    def amount_in_euros(self):
        """The amount in euros: as entered, converted, or None when unknown or unconverted."""
        if self.amount is None:
            return None
        return self.amount if self.currency == EURO else self.amount_eur
