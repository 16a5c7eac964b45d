"""The table of the records behind a report's figures (summary mode, decision 0035): one CSV
row per figure and record, with the record's kind, key and sources, written as it is read.

A report whose period holds more activities than it can list prints its figures and counts;
this table, delivered beside the PDF and the DOCX, keeps every figure traceable. The
activities are read in chunks (`iterator`), their sources from the link table in the same
order, so a million rows never sit in memory and the queries do not grow with the data.
Formula-like text is written with a quote in front, as the product's CSV writer does."""

import csv
from collections.abc import Iterator
from typing import TextIO

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from partnerwerk.projects.models import Activity
from partnerwerk.reports.evidence import Figure

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 5000


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _citation(title: str, url: str, seed_file: str) -> str:
    where = url or seed_file
    return f"{title} ({where})" if where else title


def _activity_rows(activities: QuerySet) -> Iterator[tuple[str, str, str]]:
    """(title, key, sources) of each activity, in the queryset's order (start date, key)."""
    english = (get_language() or "de")[:2] == "en"
    order = ("start_date", "key")
    links = (
        Activity.sources.through.objects.filter(activity_id__in=activities.order_by().values("pk"))
        .order_by(*(f"activity__{name}" for name in order), "source__key")
        .values_list("activity_id", "source__title", "source__url", "source__seed_file")
        .iterator(chunk_size=CHUNK)
    )
    pending = next(links, None)
    rows = activities.order_by(*order).values_list("pk", "key", "title_de", "title_en")
    for pk, key, title_de, title_en in rows.iterator(chunk_size=CHUNK):
        sources = []
        while pending is not None and pending[0] == pk:
            sources.append(_citation(*pending[1:]))
            pending = next(links, None)
        title = (title_en or title_de) if english else (title_de or title_en)
        yield title, key, "; ".join(sources) or _("no source recorded")


def write_table(figures: list[Figure], stream: TextIO) -> int:
    """Every figure's records, loaded and streamed, as CSV (comma, UTF-8) into `stream`;
    returns the number of records written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(
        [
            _("Figure"),
            _("What"),
            _("Value"),
            _("Kind of record"),
            _("Record"),
            _("Key"),
            _("Sources"),
        ]
    )
    activity = str(Activity._meta.verbose_name).capitalize()
    written = 0
    for figure in figures:
        head = [figure.number, _safe(figure.label), _safe(figure.value)]
        for record in figure.records:
            sources = "; ".join(
                _citation(source.title, source.url, source.seed_file) for source in record.sources
            )
            writer.writerow(
                [
                    *head,
                    *map(_safe, (record.kind, record.title, record.key)),
                    _safe(sources or _("no source recorded")),
                ]
            )
            written += 1
        for activities in figure.streams:
            for title, key, sources in _activity_rows(activities):
                writer.writerow([*head, activity, _safe(title), _safe(key), _safe(sources)])
                written += 1
    return written
