"""An office list as a file: exactly the listed records (the list's search, origin, filters
and order), as far as the user may read them, as XLSX or as CSV for a German Excel.

Each list is written as its open-data dataset (`exchange.exporters.DATASETS`), with the
office's internal records where the dataset has them (`OFFICE_DATASETS`); the registry's
partnerships are the `relations` dataset. A list without a dataset (documents, steps, money,
involvements, a joint programme's parts) is written as it is shown: its columns, headed and
filled in the reader's language, with the record's number for finding it again.
"""

from collections.abc import Iterator
from datetime import date

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.selectors import readable
from partnerwerk.exchange.exporters import DATASETS, OFFICE_DATASETS
from partnerwerk.office.kinds import RecordKind
from partnerwerk.office.listing import Listing
from partnerwerk.office.templatetags.office import field_value
from partnerwerk.partnerships.models import PartnershipOrigin

# Each office list's dataset.
LIST_DATASETS = {
    "partnerships": "partnerships",
    "projects": "projects",
    "activities": "activities",
    "organisations": "organisations",
    "people": "people",
    "transactions": "transactions",
}
# The formats people open: a workbook, and CSV in German Excel's dialect.
LIST_FORMATS = {"xlsx": _("Excel workbook (XLSX)"), "csv": _("CSV for Excel")}


def list_dataset(kind: RecordKind, shown: Listing) -> str | None:
    """The dataset the list is written as, or None when it has none."""
    if kind.slug == "partnerships" and shown.chosen.get("origin") == PartnershipOrigin.REGISTRY:
        return "relations"
    return LIST_DATASETS.get(kind.slug)


def list_records(user, dataset: str, shown: Listing) -> QuerySet:
    """The dataset's records (with what its rows read fetched up front) that the list shows,
    in the list's order."""
    if dataset in OFFICE_DATASETS:
        records = OFFICE_DATASETS[dataset]()
    else:
        records = DATASETS[dataset].records()
    listed = shown.records.order_by().values("pk")
    return readable(user, records).filter(pk__in=listed).order_by(*shown.records.query.order_by)


def list_table_rows(kind: RecordKind, shown: Listing) -> Iterator[dict]:
    """The list as it is shown, one row per record: its number, its name and the list's
    columns, each headed and written in the reader's language."""
    number, name = capfirst(gettext_now("number")), capfirst(gettext_now("name"))
    columns = [(field, capfirst(str(label))) for field, label in kind.columns]
    for record in shown.records.iterator(chunk_size=2000):
        row = {number: record.pk, name: str(record)}
        for field, heading in columns:
            value = field_value(record, field)
            row[heading] = value if isinstance(value, int | float | date) else str(value)
        yield row


def list_table_stem(kind: RecordKind) -> str:
    """The file name of a list without a dataset, in the reader's language: "schritte"."""
    return slugify(str(kind.label), allow_unicode=True)


def list_exports(kind: RecordKind, shown: Listing, params) -> list[dict]:
    """The export links of a list (label and address), carrying its GET parameters but the
    page."""
    kept = params.copy()
    kept.pop("page", None)
    query = f"?{kept.urlencode()}" if kept else ""
    return [
        {
            "format": format,
            "label": label,
            "url": reverse(f"office:{kind.slug}-export", kwargs={"format": format}) + query,
        }
        for format, label in LIST_FORMATS.items()
    ]
