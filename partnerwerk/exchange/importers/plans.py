"""Planning a spreadsheet import: what each row would do, with nothing written."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from partnerwerk.core.models import Visibility
from partnerwerk.exchange.columns import heading_lookup, normalise
from partnerwerk.exchange.importers.cells import KEY, Deferred, RowError, _check_length, choice
from partnerwerk.exchange.importers.specs import IMPORTABLE, SPECS, Context, Spec
from partnerwerk.exchange.tables import ImportFailure, Table, iterate_records, read_table
from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.partnerships.services import partnership_validate_places


@dataclass
class RowOutcome:
    row: int
    key: str
    state: str  # created, changed, unchanged, refused
    changed: list[str] = field(default_factory=list)
    column: str = ""
    reason: str = ""
    values: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)

    @property
    def state_label(self) -> str:
        labels = {
            "created": _("created"),
            "changed": _("changed"),
            "unchanged": _("unchanged"),
            "refused": _("refused"),
        }
        return labels[self.state]

    def describe(self) -> str:
        label = _("row %(row)d") % {"row": self.row}
        if self.key:
            label += f" ({self.key})"
        if self.state == "refused":
            return _("%(label)s: refused, field “%(field)s”: %(reason)s") % {
                "label": label,
                "field": self.column,
                "reason": self.reason,
            }
        if self.state == "changed":
            return _("%(label)s: changed %(fields)s") % {
                "label": label,
                "fields": ", ".join(self.changed),
            }
        return f"{label}: {self.state_label}"


@dataclass
class ImportPlan:
    dataset: str
    file: str
    outcomes: list[RowOutcome]

    def count(self, state: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.state == state)

    @property
    def refused(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.state == "refused"]

    def summary(self) -> str:
        return _(
            "%(created)d created, %(changed)d changed, %(unchanged)d unchanged, "
            "%(refused)d refused."
        ) % {state: self.count(state) for state in ("created", "changed", "unchanged", "refused")}


def _columns(spec: Spec, table: Table) -> list[str]:
    lookup = heading_lookup(spec.columns)
    columns = []
    for heading in table.header:
        if not heading.strip():
            columns.append("")
            continue
        code = lookup.get(normalise(heading))
        if code is None:
            raise ImportFailure(
                table.file,
                _("There is no column “%(heading)s” in this dataset; the columns are: %(columns)s.")
                % {"heading": heading, "columns": ", ".join(spec.columns)},
                row=1,
                field=heading,
            )
        if code in columns:
            raise ImportFailure(table.file, _("The column is there twice."), row=1, field=heading)
        columns.append(code)
    if "id" not in columns:
        raise ImportFailure(table.file, _("The key column “id” is missing."), row=1, field="id")
    return columns


def plan_import(dataset: str, data: bytes, file: str, *, progress=None) -> ImportPlan:
    """Read `data` (the bytes of a CSV or XLSX file) and say what importing it would do."""
    if dataset not in SPECS:
        raise ImportFailure(
            file,
            _("There is no importable dataset “%(name)s”; choose one of: %(names)s.")
            % {"name": dataset, "names": ", ".join(IMPORTABLE)},
        )
    spec = SPECS[dataset]
    table = read_table(data, file)
    columns = _columns(spec, table)
    key_index = columns.index("id")
    keys = {cells[key_index].strip() for _number, cells in table.rows}
    context = Context(spec, keys)
    outcomes, seen = [], set()
    for number, record in iterate_records(table, columns):
        outcomes.append(_plan_row(spec, number, record, context, seen, dataset))
        if progress:
            progress(1)
    return ImportPlan(dataset, file, outcomes)


def _plan_row(spec, number, record, context, seen, dataset) -> RowOutcome:
    key = record["id"]
    try:
        if not KEY.match(key):
            raise RowError(
                "id", _("“%(key)s” is not a key (letters, digits, - and _).") % {"key": key}
            )
        _check_length(spec.model, "key", key, "id")
        if key in seen:
            raise RowError("id", _("The key is used by an earlier row."))
        seen.add(key)
        values, relations = {}, {}
        for column, (names, parser) in spec.fields.items():
            if column not in record:
                continue
            parsed = parser(record[column], column, context)
            if isinstance(names, tuple):
                values.update(zip(names, parsed, strict=True))
            else:
                _check_length(spec.model, names, parsed, column)
                values[names] = parsed
        for column, (attribute, parser) in spec.m2m.items():
            if column in record:
                relations[attribute] = parser(record[column], column, context)
        if spec.has_visibility and record.get("visibility"):
            values["visibility"] = choice(Visibility)(record["visibility"], "visibility", context)
        _check_row(dataset, key, values, context)
    except RowError as error:
        return RowOutcome(number, key, "refused", column=error.field_name, reason=error.message)
    existing = context.existing.get(key)
    if existing is None:
        for name in NEEDED_FOR_NEW:
            column = next((c for c, (n, _p) in spec.fields.items() if n == name), None)
            if column and values.get(name) in (None, ""):
                return RowOutcome(
                    number,
                    key,
                    "refused",
                    column=column,
                    reason=_("A new record needs this field."),
                )
        return RowOutcome(number, key, "created", values=values, relations=relations)
    if getattr(existing, "deleted_at", None):
        return RowOutcome(
            number,
            key,
            "refused",
            column="id",
            reason=_("The record with this key was deleted; restore it in the office first."),
        )
    changed = [name for name, value in values.items() if not _same(getattr(existing, name), value)]
    changed += [
        attribute
        for attribute, wanted in relations.items()
        if {item.pk for item in getattr(existing, attribute).all()} != {item.pk for item in wanted}
    ]
    state = "changed" if changed else "unchanged"
    return RowOutcome(number, key, state, changed, values=values, relations=relations)


# Fields a new record cannot do without (when the dataset has them).
NEEDED_FOR_NEW = ("name", "title_de", "kind", "status", "home", "partner")


def _same(current, wanted) -> bool:
    if isinstance(wanted, Deferred):
        return current is not None and current.key == wanted.key
    if hasattr(current, "code") and not isinstance(current, models.Model):
        current = current.code  # a django-countries Country
    return current == wanted


def _check_row(dataset: str, key: str, values: dict, context) -> None:
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        raise RowError("end", _("The period ends before it starts."))
    if dataset == "partnerships":
        home, partner = values.get("home"), values.get("partner")
        try:
            partnership_validate_places(home=home, partner=partner)
        except ValidationError as error:
            raise RowError("partner_geonames_id", error.messages[0]) from None
        existing = context.existing.get(key)
        pair = (
            getattr(home, "pk", None) or getattr(existing, "home_id", None),
            getattr(partner, "pk", None) or getattr(existing, "partner_id", None),
            values.get("kind") or getattr(existing, "kind", None),
        )
        origin = values.get("origin") or getattr(existing, "origin", PartnershipOrigin.CURATED)
        holder = context.curated_pairs.get(pair)
        if origin == PartnershipOrigin.CURATED and holder not in (None, key):
            raise RowError(
                "partner_geonames_id",
                _("The partnership “%(other)s” already joins these places in this kind.")
                % {"other": holder},
            )
        if origin == PartnershipOrigin.CURATED and None not in pair:
            context.curated_pairs[pair] = key
    # The reference is a record already in the database or a `Deferred` row of this file.
    for name, message in (
        ("parent", _("An organisation cannot be its own parent.")),
        ("succeeds", _("A partnership cannot succeed itself.")),
    ):
        if getattr(values.get(name), "key", None) == key:
            raise RowError(name, message)
