"""Indicators of a programme's goals and the readings that monitor them over time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from partnerwerk.action_programmes.models.common import ends_after_start, has_text
from partnerwerk.action_programmes.models.programmes import Goal
from partnerwerk.core.models import (
    SoftDeleteModel,
    TimeStampedModel,
    localized,
    soft_delete_managers,
)

VALUE = {"max_digits": 16, "decimal_places": 4}


def _value_with_date(value: str, date: str, name: str, message) -> models.CheckConstraint:
    """A value is stated with the date it holds for, and a date only with a value."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{value}__isnull": True, f"{date}__isnull": True})
        | models.Q(**{f"{value}__isnull": False, f"{date}__isnull": False}),
        name=name,
        violation_error_message=message,
    )


class Indicator(TimeStampedModel, SoftDeleteModel):
    """How progress towards a goal is measured: a unit, a baseline and a target, each with
    its date. Baseline and target may be stated later; progress needs both."""

    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("goal")
    )
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    unit_de = models.CharField(_("unit (German)"), max_length=60, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=60, blank=True)
    baseline_value = models.DecimalField(_("baseline"), null=True, blank=True, **VALUE)
    baseline_date = models.DateField(_("date of the baseline"), null=True, blank=True)
    target_value = models.DecimalField(
        pgettext_lazy("indicator", "target"), null=True, blank=True, **VALUE
    )
    target_date = models.DateField(_("date of the target"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            has_text("title", "indicator_has_a_title", _("Give the indicator a title.")),
            _value_with_date(
                "baseline_value",
                "baseline_date",
                "indicator_baseline_has_a_date",
                _("State the baseline together with the date it was measured."),
            ),
            _value_with_date(
                "target_value",
                "target_date",
                "indicator_target_has_a_date",
                _("State the target together with the date it is to be reached by."),
            ),
            ends_after_start(
                "baseline_date",
                "target_date",
                "indicator_target_after_baseline",
                _("The target cannot be dated before the baseline."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def unit(self) -> str:
        return localized(self, "unit")


class Reading(TimeStampedModel, SoftDeleteModel):
    """A value of an indicator on a date, with who entered it and the evidence for it."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="readings", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), **VALUE)
    measured_on = models.DateField(_("date of the value"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("entered by"),
    )
    evidence_de = models.TextField(_("evidence (German)"), blank=True)
    evidence_en = models.TextField(_("evidence (English)"), blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence document"),
    )

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measured_on", "id"]
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(evidence_de="")
                | ~models.Q(evidence_en="")
                | models.Q(document__isnull=False),
                name="reading_has_evidence",
                violation_error_message=_(
                    "Say where the value comes from: a text, a document or both."
                ),
            ),
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                condition=models.Q(deleted_at__isnull=True),
                name="reading_one_per_indicator_and_day",
                violation_error_message=_("This indicator already has a value for this day."),
            ),
        ]

    def __str__(self):
        from django.utils import formats

        value = formats.number_format(self.value.normalize(), use_l10n=True)
        return f"{formats.date_format(self.measured_on, 'DATE_FORMAT')}: {value}"

    @property
    def evidence(self) -> str:
        return localized(self, "evidence")
