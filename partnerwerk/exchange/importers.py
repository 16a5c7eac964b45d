"""Import partnerships, projects, activities and organisations from the exports' CSV or XLSX.

`plan_import` reads and checks every row and says what would happen to it (created,
changed with the fields named, unchanged, or refused with the reason); nothing is written.
`run_import` applies a plan in one transaction, and only a plan without refused rows: a file
either imports completely or not at all. Rows are matched by their key (`id`); a row whose
values equal the database's is left alone, so importing the same file twice changes nothing.

Columns the export derives from other data (a partnership's status and steps, sources,
involvements, SDGs, a place's name beside its GeoNames id) are accepted and ignored; a
column the export does not have is an error. Records created by an import are internal
unless the file has a `visibility` column, so nothing is published by accident.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from partnerwerk.actors.models import Organisation, OrganisationKind
from partnerwerk.core.dates import parse_partial_date
from partnerwerk.core.models import Visibility
from partnerwerk.exchange.columns import heading_lookup, normalise
from partnerwerk.exchange.tables import ImportFailure, Table, iterate_records, read_table
from partnerwerk.partnerships.models import (
    Partnership,
    PartnershipKind,
    PartnershipOrigin,
    Theme,
)
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import Activity, ActivityKind, Project, ProjectStatus

KEY = re.compile(r"^[-a-zA-Z0-9_]+$")
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class RowError(Exception):
    def __init__(self, field_name: str, message: str):
        self.field_name, self.message = field_name, message
        super().__init__(message)


# -- cell parsers ---------------------------------------------------------------------------


def text(*, required: bool = False):
    """Text as it stands; its length is checked against the model field (`_check_length`)."""

    def parse(value: str, column: str, context) -> str:
        if required and not value:
            raise RowError(column, _("The field is required."))
        return value

    return parse


def _check_length(model: type[models.Model], name: str, value, column: str) -> None:
    """Refuse text longer than the model's field holds: PostgreSQL would refuse the whole
    import with a database error instead of naming the row."""
    max_length = getattr(model._meta.get_field(name), "max_length", None)
    if isinstance(value, str) and max_length and len(value) > max_length:
        raise RowError(
            column, _("The text is longer than %(max)d characters.") % {"max": max_length}
        )


def choice(choices: type[models.TextChoices], *, default: str | None = None):
    def parse(value: str, column: str, context) -> str:
        if not value and default is not None:
            return default
        if value not in choices.values:
            raise RowError(
                column,
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(choices.values)},
            )
        return value

    return parse


def url(value: str, column: str, context) -> str:
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise RowError(
                column, _("“%(value)s” is not a web address.") % {"value": value}
            ) from None
    return value[:200]


def partial_date(value: str, column: str, context):
    if not value:
        return None, ""
    german = GERMAN_DATE.match(value)
    if german:
        day, month, year = german.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        return parse_partial_date(value)
    except ValueError:
        raise RowError(
            column,
            _("“%(value)s” is not a date like 2011, 2023-02 or 2025-07-09.") % {"value": value},
        ) from None


def place(value: str, column: str, context) -> Place | None:
    if not value:
        return None
    try:
        geonames_id = int(value)
    except ValueError:
        raise RowError(column, _("“%(value)s” is not a GeoNames id.") % {"value": value}) from None
    found = context.places.get(geonames_id)
    if found is None:
        raise RowError(
            column, _("There is no place with the GeoNames id %(id)s.") % {"id": geonames_id}
        )
    return found


def reference(attribute: str, label: str, *, same_file: bool = False):
    """A key of another record: in the database, or (same_file) a row of this file."""

    def parse(value: str, column: str, context):
        if not value:
            return None
        found = getattr(context, attribute).get(value)
        if found is None and same_file and value in context.keys_in_file:
            return Deferred(value)
        if found is None:
            raise RowError(
                column, _("There is no %(label)s “%(key)s”.") % {"label": label, "key": value}
            )
        return found

    return parse


def many(attribute: str, label: str):
    def parse(value: str, column: str, context) -> list:
        keys = [item.strip() for item in value.split("|") if item.strip()]
        found = []
        for key in keys:
            record = getattr(context, attribute).get(key)
            if record is None:
                raise RowError(
                    column, _("There is no %(label)s “%(key)s”.") % {"label": label, "key": key}
                )
            found.append(record)
        return found

    return parse


@dataclass(frozen=True)
class Deferred:
    """A reference to a record created by an earlier or later row of the same file."""

    key: str


# -- what each dataset imports --------------------------------------------------------------


@dataclass
class Spec:
    model: type[models.Model]
    fields: dict[str, tuple[str | tuple[str, str], Callable]]  # column → (field(s), parser)
    m2m: dict[str, tuple[str, Callable]] = field(default_factory=dict)  # column → (attr, parser)
    ignored: tuple[str, ...] = ()
    has_visibility: bool = True

    @property
    def columns(self) -> list[str]:
        extra = ["visibility"] if self.has_visibility else []
        return ["id", *self.fields, *self.m2m, *self.ignored, *extra]


PLACE_COLUMNS = ("name", "country", "lat", "lon")


def _place_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{name}" for name in PLACE_COLUMNS)


SPECS = {
    "organisations": Spec(
        Organisation,
        {
            "name": ("name", text(required=True)),
            "name_en": ("name_en", text()),
            "short_name": ("short_name", text()),
            "kind": ("kind", choice(OrganisationKind)),
            "parent": (
                "parent",
                reference("organisations", gettext_lazy("organisation"), same_file=True),
            ),
            "place_geonames_id": ("place", place),
            "website": ("website", url),
            "iati_identifier": ("iati_identifier", text()),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
        },
        ignored=(*_place_columns("place"), "sources"),
        has_visibility=False,
    ),
    "partnerships": Spec(
        Partnership,
        {
            "kind": ("kind", choice(PartnershipKind)),
            "origin": ("origin", choice(PartnershipOrigin, default=PartnershipOrigin.CURATED)),
            "home_geonames_id": ("home", place),
            "partner_geonames_id": ("partner", place),
            "succeeds": (
                "succeeds",
                reference("partnerships", gettext_lazy("partnership"), same_file=True),
            ),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
        },
        m2m={"themes": ("themes", many("themes", gettext_lazy("theme")))},
        ignored=(
            "status",
            "since",
            *_place_columns("home"),
            *_place_columns("partner"),
            "steps",
            "sdgs",
            "sources",
        ),
    ),
    "projects": Spec(
        Project,
        {
            "title_de": ("title_de", text(required=True)),
            "title_en": ("title_en", text()),
            "summary_de": ("summary_de", text()),
            "summary_en": ("summary_en", text()),
            "status": ("status", choice(ProjectStatus)),
            "start": (("start_date", "start_precision"), partial_date),
            "end": (("end_date", "end_precision"), partial_date),
            "programme": ("programme", reference("programmes", gettext_lazy("programme"))),
        },
        m2m={
            "partnerships": ("partnerships", many("partnerships", gettext_lazy("partnership"))),
            "themes": ("themes", many("themes", gettext_lazy("theme"))),
        },
        ignored=("sdgs", "involvements", "sources"),
    ),
    "activities": Spec(
        Activity,
        {
            "title_de": ("title_de", text(required=True)),
            "title_en": ("title_en", text()),
            "kind": ("kind", choice(ActivityKind)),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
            "start": (("start_date", "start_precision"), partial_date),
            "end": (("end_date", "end_precision"), partial_date),
            "place_geonames_id": ("place", place),
            "location": ("location_text", text()),
            "project": ("project", reference("projects", gettext_lazy("project"))),
        },
        m2m={
            "partnerships": ("partnerships", many("partnerships", gettext_lazy("partnership"))),
            "themes": ("themes", many("themes", gettext_lazy("theme"))),
        },
        ignored=(*_place_columns("place"), "sdgs", "involvements", "sources"),
    ),
}
IMPORTABLE = tuple(SPECS)


class Context:
    """Every record a file may refer to, fetched once (a 10,000-row file needs few queries)."""

    def __init__(self, spec: Spec, keys: set[str]):
        self.keys_in_file = keys
        self.places = {
            place.geonames_id: place for place in Place.objects.exclude(geonames_id=None)
        }
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        self.programmes = {programme.key: programme for programme in Programme.objects.all()}
        self.projects = {project.key: project for project in Project.objects.all()}
        self.partnerships = {item.key: item for item in Partnership.objects.all()}
        self.organisations = {item.key: item for item in Organisation.objects.all()}
        self.curated_pairs = {
            (item.home_id, item.partner_id, item.kind): item.key
            for item in self.partnerships.values()
            if item.origin == PartnershipOrigin.CURATED
        }
        prefetch = [attribute for attribute, _parser in spec.m2m.values()]
        self.existing = {
            obj.key: obj
            for obj in spec.model.all_objects.filter(key__in=keys).prefetch_related(*prefetch)
        }


# -- planning -------------------------------------------------------------------------------


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
        if home is not None and home == partner:
            raise RowError("partner_geonames_id", _("A place cannot be its own partner."))
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


# -- applying -------------------------------------------------------------------------------


@transaction.atomic
def run_import(plan: ImportPlan, *, user=None) -> ImportPlan:
    """Write a plan without refused rows, in one transaction."""
    if plan.refused:
        first = plan.refused[0]
        raise ImportFailure(plan.file, first.reason, row=first.row, field=first.column)
    spec = SPECS[plan.dataset]
    model = spec.model
    created, changed = [], []
    deferred: list[tuple[models.Model, str, str]] = []
    for outcome in plan.outcomes:
        values = dict(outcome.values)
        for name, value in list(values.items()):
            if isinstance(value, Deferred):
                deferred.append((outcome, name, value.key))
                values[name] = None
        if outcome.state == "created":
            if spec.has_visibility:
                values.setdefault("visibility", Visibility.INTERNAL)
            obj = model(key=outcome.key, **values)
            created.append((obj, outcome))
        elif outcome.state == "changed":
            changed.append(outcome)
    if created:
        bulk_create_with_history([obj for obj, _outcome in created], model, default_user=user)
    by_key = {
        obj.key: obj
        for obj in model.objects.filter(key__in=[outcome.key for outcome in plan.outcomes])
    }
    updated, update_fields = [], set()
    for outcome in changed:
        obj = by_key[outcome.key]
        fields = [name for name in outcome.changed if name in outcome.values]
        for name in fields:
            value = outcome.values[name]
            setattr(obj, name, by_key[value.key] if isinstance(value, Deferred) else value)
        if fields:
            updated.append(obj)
            update_fields.update(fields)
    deferred_objects = []
    for outcome, name, target in deferred:
        if outcome.state == "created":
            obj = by_key[outcome.key]
            setattr(obj, name, by_key[target])
            deferred_objects.append(obj)
            update_fields.add(name)
    to_update = {obj.pk: obj for obj in [*updated, *deferred_objects]}
    if to_update:
        bulk_update_with_history(
            list(to_update.values()), model, sorted(update_fields), default_user=user
        )
    for attribute in {name for outcome in plan.outcomes for name in outcome.relations}:
        _write_relations(model, attribute, plan.outcomes, by_key)
    return plan


def _write_relations(model, attribute: str, outcomes, by_key) -> None:
    through = getattr(model, attribute).through
    source_field = model._meta.model_name + "_id"
    target_field = getattr(model, attribute).field.related_model._meta.model_name + "_id"
    rows, replace = [], []
    for outcome in outcomes:
        if attribute not in outcome.relations:
            continue
        if outcome.state == "changed" and attribute not in outcome.changed:
            continue
        if outcome.state not in ("created", "changed"):
            continue
        obj = by_key[outcome.key]
        replace.append(obj.pk)
        rows += [
            through(**{source_field: obj.pk, target_field: item.pk})
            for item in outcome.relations[attribute]
        ]
    through.objects.filter(**{f"{source_field}__in": replace}).delete()
    through.objects.bulk_create(rows, batch_size=1000)


def import_file(dataset: str, data: bytes, file: str, *, dry_run: bool, user=None, progress=None):
    plan = plan_import(dataset, data, file, progress=progress)
    if not dry_run:
        run_import(plan, user=user)
    return plan
