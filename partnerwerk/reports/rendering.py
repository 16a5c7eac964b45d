"""A report's HTML, PDF and DOCX from its context (annual.py, fact_sheet.py, sdg_review.py).

The PDF goes through `core.pdf.render_pdf`, whose fetcher loads nothing but `data:` addresses
(decision 0029): a report prints no image or stylesheet from anywhere else. Made twice from
the same data, a report is the same, byte for byte: it states no build time, WeasyPrint
writes no creation date without one in the HTML, and the DOCX's dates are fixed.
"""

import datetime
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

from partnerwerk.core.dates import display_partial_date
from partnerwerk.core.pdf import LocalOnlyFetcher, render_pdf
from partnerwerk.reports.annual import annual_report
from partnerwerk.reports.docx import html_to_docx
from partnerwerk.reports.fact_sheet import fact_sheet
from partnerwerk.reports.models import ReportStage
from partnerwerk.reports.scope import Scope
from partnerwerk.reports.sdg_review import sdg_review
from partnerwerk.reports.table import write_table

STYLESHEETS = ["office/print.css", "reports/report.css"]
TEMPLATES = {
    "annual": "reports/annual.html",
    "fact_sheet": "reports/fact_sheet.html",
    "sdg_review": "reports/sdg_review.html",
}


@dataclass
class Built:
    """`table`: in summary mode, the path of a temporary CSV file with the records behind the
    figures (the caller stores and removes it); otherwise None."""

    html: str
    pdf: bytes
    docx: bytes
    title: str
    table: Path | None = None


def file_name(kind: str, *, start, end, language: str, place=None, extension: str) -> str:
    """The name of a report's file: the PDF names its table by it, the office downloads by it."""
    subject = f"-{place.name}" if place is not None else ""
    period = f"{start:%Y%m%d}-{end:%Y%m%d}"
    return f"{kind}{subject}-{period}-{language}.{extension}".replace(" ", "-")


def period_text(start: datetime.date, end: datetime.date) -> str:
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{display_partial_date(start, 'day')} – {display_partial_date(end, 'day')}"


def title_of(kind: str, context: dict) -> tuple[str, str]:
    """The report's title and subtitle in the active language."""
    if kind == "fact_sheet":
        place = context["place"]
        subtitle = (
            _("Public facts, as the portal shows them")
            if context["public_only"]
            else _("Internal version for the office")
        )
        return _("Fact sheet: %(city)s") % {"city": place.display_name}, subtitle
    period = period_text(context["start"], context["end"])
    if kind == "annual":
        return _("Annual report on international relations %(period)s") % {"period": period}, _(
            "Report of the office for international relations to the city council"
        )
    return _("SDG review %(period)s") % {"period": period}, _(
        "The city's international work and the 2030 Agenda, in the style of a Voluntary "
        "Local Review"
    )


def report_html(kind: str, context: dict, *, language: str, outlook: str = "", preview=False):
    """The report's HTML in `language`; `preview` links the stylesheets for the browser."""
    with translation.override(language):
        title, subtitle = title_of(kind, context)
        links = [static(name) for name in STYLESHEETS] if preview else []
        return render_to_string(
            TEMPLATES[kind],
            {
                **context,
                "title": title,
                "subtitle": subtitle,
                "outlook": outlook,
                "preview_links": links,
                "body_class": kind.replace("_", "-"),
            },
        ), title


def report_pdf(html: str, *, fetcher: LocalOnlyFetcher | None = None) -> bytes:
    return render_pdf(html, stylesheets=STYLESHEETS, fetcher=fetcher)


def report_context(kind: str, *, start, end, place=None, scope: Scope) -> dict:
    """What a report of `kind` shows, read in the active language; in summary mode with the
    name of the table of its records."""
    if kind == "annual":
        context = annual_report(start=start, end=end, scope=scope)
    elif kind == "sdg_review":
        context = sdg_review(start=start, end=end, scope=scope)
    elif kind == "fact_sheet":
        return fact_sheet(place=place, scope=scope)
    else:
        raise ValueError(f"unknown kind of report {kind!r}")
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    context["table_name"] = file_name(
        kind, start=start, end=end, language=language, extension="csv"
    )
    return context


def report_table(context: dict) -> Path | None:
    """In summary mode, the CSV of every record behind the figures, in a temporary file
    (written in the active language); otherwise None."""
    if not context.get("summary_mode"):
        return None
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", suffix=".csv", delete=False
    ) as stream:
        write_table(context["figures"], stream)
    return Path(stream.name)


def preview(kind: str, *, start, end, place=None, scope: Scope, language: str, outlook="") -> str:
    """The report's HTML for the browser, in `language`."""
    with translation.override(language):
        context = report_context(kind, start=start, end=end, place=place, scope=scope)
        html, _title = report_html(kind, context, language=language, outlook=outlook, preview=True)
    return html


def _no_stage(stage: str) -> None:
    pass


def build(
    kind: str,
    *,
    start,
    end,
    place=None,
    scope: Scope,
    language: str,
    outlook="",
    on_stage: Callable[[str], None] = _no_stage,
) -> Built:
    """HTML, PDF and DOCX of one report in `language`, read from the live records.
    `on_stage` hears each stage (a `ReportStage` value) as it begins; it is not in the files."""
    on_stage(ReportStage.GATHERING)
    with translation.override(language):
        context = report_context(kind, start=start, end=end, place=place, scope=scope)
        html, title = report_html(kind, context, language=language, outlook=outlook)
    on_stage(ReportStage.PRINTING)
    pdf = report_pdf(html)
    on_stage(ReportStage.WRITING)
    docx = html_to_docx(html, title=title, language=language, dated=end)
    if context.get("summary_mode"):
        on_stage(ReportStage.TABLE)
    with translation.override(language):
        table = report_table(context)
    return Built(html=html, pdf=pdf, docx=docx, title=title, table=table)


def public_fact_sheet_pdf(*, place, language: str) -> bytes:
    """The portal's fact sheet of a partner city: public facts only."""
    from partnerwerk.reports.scope import PUBLIC

    with translation.override(language):
        context = fact_sheet(place=place, scope=PUBLIC)
        html, _title = report_html("fact_sheet", context, language=language)
    return report_pdf(html)
