"""Sortable columns of the office's lists: `?sort=<column>` ascending, `?sort=-<column>`
descending, for the columns each kind allows (`SORTS`); any other value keeps the list's
default order.

A column is sorted by what it shows, in the reader's language: a name by the name the reader
sees (a place's German name in German, a title in the reader's language with the page's
fallback), compared without case and accents (`core.collation`); a choice by its label, not
its code; a date with the undated last, in either direction.
"""

from collections.abc import Callable

from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core.collation import ReaderCollate, reader_key
from partnerwerk.documents.models import Document
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.projects.models import Activity, Budget, Project, Transaction

# A column's order in a language: expressions, each with whether its nulls go last.
Column = Callable[[str], list[tuple]]


def _filled(name: str):
    return NullIf(F(name), Value(""))


def place_name(prefix: str) -> Column:
    """A place's name as `Place.display_name` shows it."""

    def order(language: str) -> list[tuple]:
        own = f"{prefix}__name"
        if language not in ("de", "en"):
            return [(ReaderCollate(F(own)), False)]
        return [(ReaderCollate(Coalesce(_filled(f"{own}_{language}"), F(own))), False)]

    return order


def localized_text(field: str, prefix: str = "") -> Column:
    """A translated text (`title_de`, `title_en`) as `core.models.localized` shows it: in the
    reader's language, else German, else English."""

    def order(language: str) -> list[tuple]:
        codes = [language, *(code for code in ("de", "en") if code != language)]
        texts = [_filled(f"{prefix}{field}_{code}") for code in codes if code in ("de", "en")]
        return [(ReaderCollate(Coalesce(*texts)), True)]

    return order


def organisation_name(prefix: str = "") -> Column:
    """An organisation's name as `Organisation.display_name` shows it."""

    def order(language: str) -> list[tuple]:
        name = F(f"{prefix}name")
        if language == "en":
            name = Coalesce(_filled(f"{prefix}name_en"), name)
        return [(ReaderCollate(name), True)]

    return order


def text(field: str) -> Column:
    return lambda language: [(ReaderCollate(F(field)), True)]


def choice(model, field: str) -> Column:
    """A choice by its label in the reader's language."""

    def order(language: str) -> list[tuple]:
        choices = model._meta.get_field(field).flatchoices
        labels = sorted(choices, key=lambda item: reader_key(str(item[1])))
        ranks = [When(**{field: value}, then=Value(rank)) for rank, (value, _) in enumerate(labels)]
        return [(Case(*ranks, default=Value(len(labels)), output_field=IntegerField()), False)]

    return order


def date(field: str) -> Column:
    """A date; records without one come last whichever way the list is sorted."""
    return lambda language: [(F(field), True)]


def chain(*columns: Column) -> Column:
    """Several columns one after another (a partnership: home, partner, kind)."""
    return lambda language: [part for column in columns for part in column(language)]


def partnership_name(prefix: str = "") -> Column:
    """A partnership as it reads: "Dortmund – Kumasi (Klimapartnerschaft)"."""
    return chain(
        place_name(f"{prefix}home"), place_name(f"{prefix}partner"), choice(Partnership, "kind")
    )


PROJECT_TITLE = localized_text("title", "project__")

# Each list's sortable columns: "name" (the first column, the record itself) and the
# columns of `RecordKind.columns` that have an order here.
SORTS: dict[str, dict[str, Column]] = {
    "partnerships": {
        "name": partnership_name(),
        "kind": choice(Partnership, "kind"),
        "status": choice(Partnership, "status"),
    },
    "steps": {
        "name": chain(date("date"), choice(Step, "kind")),
        "partnership": partnership_name("partnership__"),
    },
    "projects": {
        "name": localized_text("title"),
        "status": choice(Project, "status"),
        "start_date": date("start_date"),
    },
    "activities": {
        "name": localized_text("title"),
        "kind": choice(Activity, "kind"),
        "start_date": date("start_date"),
    },
    "documents": {
        "name": localized_text("title"),
        "kind": choice(Document, "kind"),
        "date": date("date"),
    },
    "organisations": {
        "name": organisation_name(),
        "kind": choice(Organisation, "kind"),
    },
    "people": {
        "name": text("name"),
        "organisation": organisation_name("organisation__"),
        "visibility": choice(Person, "visibility"),
    },
    "budgets": {
        "name": chain(date("period_start"), date("period_end")),
        "project": PROJECT_TITLE,
        "status": choice(Budget, "status"),
    },
    "funding-sources": {
        "name": chain(organisation_name("funder__"), localized_text("name", "programme__")),
        "project": PROJECT_TITLE,
    },
    "transactions": {
        "name": chain(choice(Transaction, "kind"), date("date")),
        "project": PROJECT_TITLE,
        "activity": localized_text("title", "activity__"),
    },
    "involvements": {
        "name": chain(organisation_name("organisation__"), text("person__name")),
        "role": choice(Involvement, "role"),
    },
}


def chosen_sort(slug: str, value: str | None) -> str:
    """The sort the list applies for `?sort=value`: the value when it names a sortable
    column of the list (with "-" for descending), "" (the default order) otherwise."""
    value = (value or "").strip()
    column = value.removeprefix("-")
    return value if column in SORTS.get(slug, {}) else ""


def sort_order(slug: str, sort: str) -> list:
    """The `order_by` arguments of a chosen sort (see `chosen_sort`), ties by id."""
    descending = sort.startswith("-")
    column = SORTS[slug][sort.removeprefix("-")]
    language = (get_language() or "de")[:2]
    order = []
    for expression, nulls_last in column(language):
        if descending:
            order.append(expression.desc(nulls_last=True if nulls_last else None))
        else:
            order.append(expression.asc(nulls_last=True if nulls_last else None))
    order.append("-pk" if descending else "pk")
    return order


def sort_headers(slug: str, columns, sort: str, params) -> list[dict]:
    """The list's column headers: label, the link that sorts by the column (ascending, or
    descending when it is sorted ascending already; other parameters kept, the page reset),
    and `aria-sort` of the sorted one. `columns` are (name, label) pairs; `params` the
    request's GET parameters."""
    headers = []
    for name, label in columns:
        header = {"label": label, "url": "", "aria_sort": ""}
        if name in SORTS.get(slug, {}):
            if sort == name:
                header["aria_sort"] = "ascending"
            elif sort == f"-{name}":
                header["aria_sort"] = "descending"
            kept = params.copy()
            kept.pop("page", None)
            kept["sort"] = f"-{name}" if sort == name else name
            header["url"] = "?" + kept.urlencode()
        headers.append(header)
    return headers
