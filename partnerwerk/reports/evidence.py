"""Every figure of a report with the records behind it, for the appendix that lists them with
their sources."""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from partnerwerk.core.dates import display_partial_date


@dataclass
class Evidence:
    """One record behind a figure: what it is, its key, and its sources."""

    kind: str
    title: str
    key: str
    sources: list


@dataclass
class Figure:
    """`streams`: in summary mode, querysets of the activities behind the figure, which only
    the table of the records (reports/table.py) lists, read in chunks."""

    number: int
    label: str
    value: str
    records: list = field(default_factory=list)
    streams: list = field(default_factory=list)


def _sources(record) -> list:
    return list(record.sources.all()) if hasattr(record, "sources") else []


def evidence_of(record) -> Evidence:
    """The line of the appendix for a partnership, step, activity, project, transaction or
    document (its kind in the reader's language, never a code)."""
    kind = str(record._meta.verbose_name).capitalize()
    name = str(record)
    if hasattr(record, "partnership") and record._meta.model_name == "step":
        name = f"{record.partnership.partner.display_name}: {record}"
    elif record._meta.model_name == "transaction":
        subject = record.project or record.activity
        name = f"{record} ({subject})" if subject else str(record)
    elif record._meta.model_name == "document" and record.date:
        name = f"{record.title} ({display_partial_date(record.date, record.date_precision)})"
    key = getattr(record, "key", "") or _("no key")
    return Evidence(kind=kind, title=name, key=key, sources=_sources(record))


def grouped(value) -> str:
    """A count as the reader's language writes it ("1.000.000"); any other value as it is."""
    if isinstance(value, int):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


class Figures:
    """Numbered figures in the order a report states them."""

    def __init__(self):
        self.items: list[Figure] = []

    def add(self, label: str, value, records=(), streams=()) -> Figure:
        figure = Figure(
            number=len(self.items) + 1,
            label=label,
            value=grouped(value),
            records=[evidence_of(record) for record in records],
            streams=list(streams),
        )
        self.items.append(figure)
        return figure
