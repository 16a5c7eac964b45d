"""Writes of reports: ask for one (its files are built in the background), build its files,
mark it final. Every report keeps who asked for it and when (decision 0035)."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.core.services import attribute_history, require_permission
from partnerwerk.places.models import Place
from partnerwerk.reports.models import (
    Report,
    ReportKind,
    ReportLanguage,
    ReportStage,
    ReportStatus,
)
from partnerwerk.reports.rendering import build, file_name
from partnerwerk.reports.scope import PUBLIC, Scope

log = logging.getLogger(__name__)


def _validate(*, kind, period_start, period_end, language, place) -> None:
    errors = {}
    if kind not in ReportKind.values:
        errors["kind"] = _("Choose a kind of report.")
    if language not in ReportLanguage.values:
        errors["language"] = _("Choose German or English.")
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("The period ends before it starts.")
    if kind == ReportKind.FACT_SHEET and place is None:
        errors["place"] = _("A fact sheet needs a partner city.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_request(
    *,
    actor,
    kind: str,
    period_start: datetime.date,
    period_end: datetime.date,
    language: str,
    place: Place | None = None,
    public_only: bool = False,
    outlook: str = "",
) -> Report:
    """A draft report whose files `report_build_files` makes (the office's page queues it as
    a background task)."""
    require_permission(actor, "reports.add_report")
    _validate(
        kind=kind, period_start=period_start, period_end=period_end, language=language, place=place
    )
    report = Report(
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        language=language,
        place=place if kind == ReportKind.FACT_SHEET else None,
        public_only=public_only,
        outlook=outlook.strip(),
        created_by=actor,
    )
    attribute_history(report, actor)
    report.save()
    return report


def scope_of(report: Report) -> Scope:
    """What the report may show: the public facts, or what the person who asked may read."""
    return PUBLIC if report.public_only else Scope(user=report.created_by)


def report_file_name(report: Report, extension: str) -> str:
    """The name of the report's PDF, DOCX or CSV table (the PDF names its table by it)."""
    return file_name(
        report.kind,
        start=report.period_start,
        end=report.period_end,
        language=report.language,
        place=report.place if report.place_id else None,
        extension=extension,
    )


def report_build_files(*, report: Report) -> Report:
    """Build the report's PDF and DOCX from the live records and store them. Reads outside
    the write's transaction; a failure is kept on the report, never half a file."""
    if report.status == ReportStatus.FINAL:
        raise ValidationError(_("A final report is not built again."))
    stored = Report.objects.filter(pk=report.pk)

    def record_stage(stage: str) -> None:
        # One cheap UPDATE of one field, outside any transaction, so the office's list sees it
        # at once; no history row for a passing stage.
        stored.update(stage=stage)

    try:
        built = build(
            report.kind,
            start=report.period_start,
            end=report.period_end,
            place=report.place,
            scope=scope_of(report),
            language=report.language,
            outlook=report.outlook,
            on_stage=record_stage,
        )
    except Exception as error:
        log.exception("report %s could not be built", report.pk)
        stored.update(build_error=str(error)[:2000], stage=ReportStage.FAILED)
        raise
    try:
        with transaction.atomic():
            report = Report.objects.select_for_update().get(pk=report.pk)
            report.pdf.save(report_file_name(report, "pdf"), ContentFile(built.pdf), save=False)
            report.docx.save(report_file_name(report, "docx"), ContentFile(built.docx), save=False)
            if built.table is not None:
                with built.table.open("rb") as table:
                    report.table.save(report_file_name(report, "csv"), File(table), save=False)
            else:
                report.table = ""  # a rebuild with fewer records lists them in the PDF
            report.built_at = timezone.now()
            report.build_error = ""
            report.stage = ReportStage.DONE
            attribute_history(report, report.created_by)
            report.save()
    finally:
        if built.table is not None:
            built.table.unlink(missing_ok=True)
    return report


@transaction.atomic
def report_finalize(*, actor, report: Report) -> Report:
    """Mark a built draft as final: it is then kept as it is."""
    require_permission(actor, "reports.change_report", report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status == ReportStatus.FINAL:
        raise ValidationError(_("The report is already final."))
    if not report.built_at:
        raise ValidationError(_("The report's files are not built yet."))
    report.status = ReportStatus.FINAL
    attribute_history(report, actor)
    report.save(update_fields=["status", "updated_at"])
    return report
