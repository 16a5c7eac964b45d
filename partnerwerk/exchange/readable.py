"""Columns for people reading an exported spreadsheet: names where the data has codes and keys.

The flat columns of an export hold codes (`twinning`, `active`) and keys
(`dortmund-kumasi-climate`, `feuerwehr-dortmund`), because a spreadsheet imported back is
matched by them. Beside each such column the XLSX file gets a reading column with the choice
label in the reader's language or the record's name ("Städtepartnerschaft",
"Dortmund – Kumasi (Klimapartnerschaft)"); several related records are joined with "; ".
The reading columns are marked in the workbook, and `tables.read_table` leaves them out, so
a file edited and imported back is read by its keys as before.

Names of keys are resolved for a chunk of rows at a time, one query per kind of record, so a
streamed export never holds more than a chunk and its query count grows with the chunks only.
"""

from collections.abc import Callable, Iterable

from django.db.models import Model
from django.utils.translation import gettext as _

from partnerwerk.actors.models import Organisation, OrganisationKind, Person, Role
from partnerwerk.exchange.columns import READING_SUFFIX as SUFFIX  # `kind` → `kind_name`
from partnerwerk.partnerships.models import (
    Partnership,
    PartnershipKind,
    PartnershipOrigin,
    PartnershipStatus,
    StepKind,
    Theme,
)
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import (
    Activity,
    ActivityKind,
    Project,
    ProjectStatus,
    TransactionKind,
)
from partnerwerk.sdg.models import Goal

# Choice columns per dataset (the registry's relations share the partnerships' vocabulary).
_PARTNERSHIP_CHOICES = {
    "kind": PartnershipKind,
    "status": PartnershipStatus,
    "origin": PartnershipOrigin,
}
CHOICES: dict[str, dict[str, type]] = {
    "partnerships": _PARTNERSHIP_CHOICES,
    "relations": _PARTNERSHIP_CHOICES,
    "organisations": {"kind": OrganisationKind},
    "projects": {"status": ProjectStatus},
    "activities": {"kind": ActivityKind},
    "transactions": {"kind": TransactionKind},
}
# Columns holding the key (or keys) of other records, and the model the keys belong to.
REFERENCES: dict[str, type[Model]] = {
    "succeeds": Partnership,
    "partnerships": Partnership,
    "parent": Organisation,
    "organisation": Organisation,
    "provider": Organisation,
    "receiver": Organisation,
    "programme": Programme,
    "project": Project,
    "activity": Activity,
}
# How a record is named, and what to fetch with it to name it without more queries.
_NAMING: dict[type[Model], tuple[tuple[str, ...], Callable[[Model], str]]] = {
    Partnership: (("home", "partner"), str),
    Organisation: ((), str),
    Person: ((), str),
    Programme: ((), str),
    Project: ((), str),
    Activity: ((), str),
}


def _label(choices: type, code) -> str:
    if code in (None, ""):
        return ""
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


class Names:
    """Record names by key, fetched for a chunk of rows at a time; themes and goals, which are
    a short vocabulary, are fetched once."""

    def __init__(self):
        self._names: dict[type[Model], dict[str, str]] = {}
        self._themes: dict[str, str] | None = None
        self._goals: dict[int, str] | None = None

    def fetch(self, wanted: dict[type[Model], set[str]]) -> None:
        for model, keys in wanted.items():
            known = self._names.setdefault(model, {})
            missing = keys - known.keys()
            if not missing:
                continue
            related, name = _NAMING[model]
            for record in model.objects.filter(key__in=missing).select_related(*related):
                known[record.key] = name(record)

    def record(self, model: type[Model], key: str | None) -> str:
        if not key:
            return ""
        return self._names.get(model, {}).get(key, key)

    def theme(self, code: str) -> str:
        if self._themes is None:
            self._themes = {theme.code: theme.name for theme in Theme.objects.all()}
        return self._themes.get(code, code)

    def goal(self, number: int) -> str:
        if self._goals is None:
            self._goals = {goal.number: str(goal) for goal in Goal.objects.all()}
        return self._goals.get(number, str(number))


def _joined(names: Iterable[str]) -> str:
    return "; ".join(name for name in names if name)


def _step(step: dict) -> str:
    text = f"{step['date']} {_label(StepKind, step['type'])}".strip()
    if step["status_after"]:
        text += f" → {_label(PartnershipStatus, step['status_after'])}"
    if step["note"]:
        text += ": " + " ".join(step["note"].split())
    return text


def reading_columns(dataset: str, row: dict) -> list[str]:
    """The columns of `row` (a row as the serializers make it) that get a reading column."""
    choices = CHOICES.get(dataset, {})
    readable = {*choices, *REFERENCES, "themes", "sdgs", "steps", "involvements"}
    return [column for column in row if column in readable]


def wanted_keys(rows: Iterable[dict], columns: list[str]) -> dict[type[Model], set[str]]:
    """The keys of other records that `rows` refer to, by model."""
    wanted: dict[type[Model], set[str]] = {}
    for row in rows:
        for column in columns:
            value = row.get(column)
            if column == "involvements":
                for item in value or ():
                    if item["organisation"]:
                        wanted.setdefault(Organisation, set()).add(item["organisation"])
                    if item["person"]:
                        wanted.setdefault(Person, set()).add(item["person"])
            elif column in REFERENCES and value:
                keys = value if isinstance(value, list) else [value]
                wanted.setdefault(REFERENCES[column], set()).update(keys)
    return wanted


def reading_values(dataset: str, row: dict, columns: list[str], names: Names) -> dict[str, str]:
    """{column: the text a person reads} for the reading columns of `row`."""
    choices = CHOICES.get(dataset, {})
    values = {}
    for column in columns:
        value = row.get(column)
        if column in choices:
            text = _label(choices[column], value)
        elif column == "themes":
            text = _joined(names.theme(code) for code in value or ())
        elif column == "sdgs":
            text = _joined(names.goal(number) for number in value or ())
        elif column == "steps":
            text = _joined(_step(step) for step in value or ())
        elif column == "involvements":
            text = _joined(
                _("%(name)s (%(role)s)")
                % {
                    "name": names.record(Organisation, item["organisation"])
                    if item["organisation"]
                    else names.record(Person, item["person"]),
                    "role": _label(Role, item["role"]),
                }
                for item in value or ()
            )
        elif isinstance(value, list):
            text = _joined(names.record(REFERENCES[column], key) for key in value)
        else:
            text = names.record(REFERENCES[column], value)
        values[column + SUFFIX] = text
    return values
