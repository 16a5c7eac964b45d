"""Reports the office stores (issue 18, decision 0035): the annual report, a fact sheet of a
partner city and an SDG review, each as a PDF and a DOCX built from the live records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import TimeStampedModel


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("annual report on international relations")
    FACT_SHEET = "fact_sheet", _("fact sheet of a partner city")
    SDG_REVIEW = "sdg_review", _("SDG review")


class ReportLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")


class ReportStage(models.TextChoices):
    """How far the build of a report's files has come (decision 0035); `PROGRESS` in percent."""

    QUEUED = "queued", _("waiting to be built")
    GATHERING = "gathering", _("gathering the records, drawing charts and map")
    PRINTING = "printing", _("printing the PDF")
    WRITING = "writing", _("writing the DOCX")
    TABLE = "table", _("writing the table of the records")
    DONE = "done", _("built")
    FAILED = "failed", _("the build failed")


PROGRESS = {
    ReportStage.QUEUED: 0,
    ReportStage.GATHERING: 10,
    ReportStage.PRINTING: 50,
    ReportStage.WRITING: 80,
    ReportStage.TABLE: 90,
    ReportStage.DONE: 100,
    ReportStage.FAILED: 100,
}
BUILDING = (
    ReportStage.QUEUED,
    ReportStage.GATHERING,
    ReportStage.PRINTING,
    ReportStage.WRITING,
    ReportStage.TABLE,
)


class Report(TimeStampedModel):
    """One built report: what was asked (kind, period, language, city), who made it, and the
    files as they were built. A final report is never rebuilt."""

    kind = models.CharField(_("kind"), max_length=12, choices=ReportKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    language = models.CharField(
        _("language"), max_length=2, choices=ReportLanguage.choices, default=ReportLanguage.GERMAN
    )
    status = models.CharField(
        _("status"), max_length=5, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner city"),
        help_text=_("The city of a fact sheet."),
    )
    public_only = models.BooleanField(
        _("public facts only"),
        default=False,
        help_text=_("Built from what the portal shows, without internal records."),
    )
    outlook = models.TextField(
        _("outlook"), blank=True, help_text=_("Written by the office; printed as it stands.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    pdf = models.FileField(_("PDF"), upload_to="reports/%Y/", blank=True)
    docx = models.FileField(_("DOCX"), upload_to="reports/%Y/", blank=True)
    table = models.FileField(
        _("table of the records"),
        upload_to="reports/%Y/",
        blank=True,
        help_text=_("Every record behind the figures, as CSV, when the PDF cannot list them."),
    )
    built_at = models.DateTimeField(
        _("built at"), null=True, blank=True, help_text=_("Empty while the files are being built.")
    )
    build_error = models.TextField(_("build error"), blank=True)
    stage = models.CharField(
        _("stage of the build"),
        max_length=9,
        choices=ReportStage.choices,
        default=ReportStage.QUEUED,
        help_text=_("Written by the reports services while the files are built."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_start",
                violation_error_message=_("The period ends before it starts."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="fact_sheet") | models.Q(place__isnull=False),
                name="report_fact_sheet_names_a_city",
                violation_error_message=_("A fact sheet needs a partner city."),
            ),
        ]

    @property
    def is_building(self) -> bool:
        return self.stage in BUILDING

    @property
    def progress(self) -> int:
        """How far the build has come, in percent."""
        return PROGRESS[ReportStage(self.stage)]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"
