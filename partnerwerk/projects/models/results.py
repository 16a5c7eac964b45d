"""What a project achieves (issue 5): results, their indicators and the periods measured."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    SoftDeleteModel,
    Source,
    TimeStampedModel,
    localized,
    soft_delete_managers,
)
from partnerwerk.projects.models.projects import Project


class ResultKind(models.TextChoices):
    OUTPUT = "output", _("output")
    OUTCOME = "outcome", _("outcome")
    IMPACT = "impact", _("impact")
    OTHER = "other", _("other")


RESULT_KIND_IATI_CODES = {"output": "1", "outcome": "2", "impact": "3", "other": "9"}


class Result(TimeStampedModel, SoftDeleteModel):
    """What a project wants to achieve, measured by indicators."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="results", verbose_name=_("project")
    )
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

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("result")
    )
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

    indicator = models.ForeignKey(
        ResultIndicator,
        on_delete=models.CASCADE,
        related_name="periods",
        verbose_name=_("indicator"),
    )
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
